import type { NotificationLinks } from '../modules/notifications/index.ts';
import type { SmsLinks } from '../modules/sms/index.ts';
import { paths } from '../web/common/paths.ts';

/** The links that messages carry: the web layer's own paths, made absolute with the portal's public address. */
export const notificationLinks = (publicUrl: string): NotificationLinks => ({
  applicantCase: (lang, caseId) => `${publicUrl}${paths.myCase(lang, caseId)}`,
  officeCase: (lang, caseId) => `${publicUrl}${paths.officeCase(lang, caseId)}`,
  appointments: (lang) => `${publicUrl}${paths.myAppointments(lang)}`,
  proactiveItem: (lang, id) => `${publicUrl}${paths.proactiveItem(lang, id)}`,
});

/** The links SMS replies carry, absolute. */
export const smsLinks = (publicUrl: string): SmsLinks => ({
  home: (lang) => `${publicUrl}${paths.home(lang)}`,
  service: (lang, id) => `${publicUrl}${paths.service(lang, id)}`,
  search: (lang, text) => `${publicUrl}${paths.search(lang, { q: text })}`,
  centres: (lang) => `${publicUrl}${paths.centres(lang)}`,
  cabinet: (lang) => `${publicUrl}${paths.cabinet(lang)}`,
  book: (lang) => `${publicUrl}${paths.bookAppointment(lang)}`,
  appointments: (lang) => `${publicUrl}${paths.myAppointments(lang)}`,
});
