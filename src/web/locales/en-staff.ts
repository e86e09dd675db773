import type { ukStaff } from './uk-staff.ts';

type Copy<T> = { readonly [K in keyof T]: string };

/** English copy of staff administration and of who may apply for what; spread into en.ts. */
export const enStaff: Copy<typeof ukStaff> = {
  'staffError.own-roles': 'You cannot grant, widen or revoke your own roles. Ask another administrator.',
  'staffError.agency-unknown': 'There is no such agency in the catalogue. Choose an agency from the list.',
  'staffError.centre-unknown': 'There is no such centre in the catalogue. Choose a centre from the list.',
  'staffAdmin.own': 'Your role: another administrator changes it',
};
