import type { ukCatalogue } from './uk-catalogue.ts';

type Copy<T> = { readonly [K in keyof T]: T[K] extends string ? string : { readonly one: string; readonly other: string } };

/** English copy of the catalogue pages: search filters, the zero-result page, service facts. */
export const enCatalogue: Copy<typeof ukCatalogue> = {
  'results.filterCount': '{label} ({count})',
  'results.selected': 'Selected filters',
  'results.removeFilter': 'Remove filter',
  'results.resultsRegion': 'Search results',
  'zero.heading': 'How to find a service',
  'zero.didYouMean': 'Did you mean:',
  'zero.suggestionCount': { one: '{count} service', other: '{count} services' },
  'zero.withoutFilters': 'Search these words without filters',
  'zero.tips': 'Check the spelling or try other, more general words.',
  'zero.events': 'Find a service by life event',
  'zero.allEvents': 'All life and business events',
  'zero.otherWays': 'Other ways to get in touch',
  'zero.phone': 'Call the contact centre on 1545: an operator will help you find the service.',
  'zero.phoneServices': 'Services you can use by phone',
  'zero.sms': 'Services you can use by SMS',
  'zero.centres': 'Visit a service centre in person',
  'service.keyFacts': 'The service at a glance',
  'service.audience': 'Who it is for',
  'service.channels': 'Ways to apply',
  'service.documentsCount': { one: '{count} document', other: '{count} documents' },
  'service.optionalTag': 'If needed',
  'service.contacts': 'Contacts',
  'verify.status': 'Status',
  'verify.tagValid': 'Valid',
  'verify.tagRevoked': 'Revoked',
  'verify.tagNotAuthentic': 'Not confirmed',
  'verify.hashRegion': 'PDF checksum',
  'home.searchHeading': 'Find a service',
  'home.allEvents': 'All life and business events',
};
