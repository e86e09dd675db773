import type { ukCommon } from './uk-common.ts';
import type { Copy } from '../locales/copy.ts';

/** English copy of the shared layout and components. */
export const enCommon: Copy<typeof ukCommon> = {
  'common.language': 'Language',
  'common.languageUk': 'Українська',
  'common.languageEn': 'English',
  'common.errorPrefix': 'Error:',
  'common.success': 'Success',
  'common.important': 'Important',
  'common.warning': 'Warning',
  'common.pagination': 'Result pages',
  'common.previous': 'Previous',
  'common.next': 'Next',
  'common.pageOf': 'page',
  'common.day': 'Day',
  'common.month': 'Month',
  'common.year': 'Year',
  'common.dateHint': 'For example, 27 3 2007',
  'common.dateMissing': 'Enter a date: day, month and year',
  'common.datePart': 'The date must include: {parts}',
  'common.dateParts.day': 'day',
  'common.dateParts.month': 'month',
  'common.dateParts.year': 'year',
  'common.dateInvalid': 'Enter a real date, for example 27 3 2007',
  'common.change': 'Change',
  'common.supportLinks': 'Support links',
  'common.phase': 'Demo',
  'common.phaseText': 'This is a demonstration portal of a fictional state: its services and data are not real.',
  'common.tableRegion': 'Table: {name}',
};
