import type { ukStaffHome } from './uk-staff-home.ts';
import type { Copy } from '../locales/copy.ts';

/** English copy of the staff home and the back office's navigation; spread into en.ts. */
export const enStaffHome: Copy<typeof ukStaffHome> = {
  'officeNav.label': 'Back office sections',
  'staffHome.rolesTitle': 'Your roles',
  'staffHome.rolesCaption': 'Your roles and where you hold them',
  'staffHome.role': 'Role',
  'staffHome.where': 'Agency or centre',
  'staffHome.nowhere': 'Nationwide',
  'staffHome.queuesTitle': 'Case queues',
  'staffHome.queueOf': 'Case queue: {name}',
  'staffHome.running': 'Cases in progress',
  'staffHome.otherTitle': 'Other work',
};
