import type { ukMandates } from './uk-mandates.ts';
import type { Copy } from '../locales/copy.ts';

/** English copy of granting a mandate; spread into en.ts. */
export const enMandates: Copy<typeof ukMandates> = {
  'representation.grantIntro': 'A mandate lets another person apply and follow cases on your behalf. You can revoke it at any time.',
  'representation.filterLabel': 'Find a service for the mandate',
  'representation.filterHint': 'For example: VAT, licence, land',
  'representation.filterButton': 'Find services',
  'representation.servicesHint': 'Choose the services, if the mandate covers chosen services only.',
  'representation.servicesFiltered': 'Services found for “{filter}”, and those already chosen.',
  'representation.noServicesFound': 'No services match. Try another word.',
  'representation.dateHint': 'For example, 27 3 2027',
  'representation.continue': 'Continue',
  'representation.taxNumber': 'tax number {id}',
  'representation.confirmTitle': 'Grant a mandate to {name}?',
  'representation.confirmGrantor': 'On behalf of',
  'representation.warning': 'Warning',
  'representation.confirmWarning': '{name} will be able to act on your behalf within the mandate until you revoke it or it ends.',
  'representation.confirmButton': 'Confirm and grant',
  'representation.changeButton': 'Change',
  'representation.bannerTitle': 'Success',
  'representation.grantedBanner': 'The mandate is granted. The representative will see you among the parties they can act for when they next sign in.',
  'representation.revokedBanner': 'The mandate is revoked. It no longer applies.',
  'mandateError.representative-format': 'Enter the representative’s tax number: 10 digits.',
};
