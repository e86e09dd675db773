import type { ukStaff } from './uk-staff.ts';
import type { Copy } from '../locales/copy.ts';

/** English copy of staff administration and of who may apply for what; spread into en.ts. */
export const enStaff: Copy<typeof ukStaff> = {
  'staffError.own-roles': 'You cannot grant, widen or revoke your own roles. Ask another administrator.',
  'staffError.agency-unknown': 'There is no such agency in the catalogue. Choose an agency from the list.',
  'staffError.centre-unknown': 'There is no such centre in the catalogue. Choose a centre from the list.',
  'staffAdmin.own': 'Your role: another administrator changes it',
  'staffAdmin.caption': 'Officers’ roles',
  'staffAdmin.granted': 'The role was granted. It applies from the officer’s next request.',
  'staffAdmin.revoked': 'The role was revoked. It stops applying from the officer’s next request.',
  'eligibility.title': 'You cannot apply for this service for {name}',
  'eligibility.titleSelf': 'You cannot apply for this service for yourself',
  'eligibility.mandateFromBusiness': 'Your mandate from {name} does not cover this service. Ask the director to extend it, or switch to acting for yourself.',
  'eligibility.mandateFromPerson': 'Your mandate from {name} does not cover this service. Ask {name} to extend it, or switch to acting for yourself.',
  'eligibility.businessForIndividuals': '{name} is a business, and this service is for individuals. To apply, switch to acting for yourself.',
  'eligibility.personForBusinesses': 'You are acting for {name}, and this service is only for businesses and sole traders. Switch to acting for a company you direct or represent.',
  'eligibility.otherwise': 'Your authority to act for {name} does not cover this service. Switch to acting for yourself.',
};
