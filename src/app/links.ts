import type { NotificationLinks } from '../modules/notifications/index.ts';
import { paths } from '../web/common/paths.ts';

/** The links that messages carry: the web layer's own paths, made absolute with the portal's public address. */
export const notificationLinks = (publicUrl: string): NotificationLinks => ({
  applicantCase: (lang, caseId) => `${publicUrl}${paths.myCase(lang, caseId)}`,
  officeCase: (lang, caseId) => `${publicUrl}${paths.officeCase(lang, caseId)}`,
});
