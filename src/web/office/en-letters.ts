import type { Copy } from '../locales/copy.ts';
import type { ukLetters } from './uk-letters.ts';

/** English copy of the print queue of letters; spread into en.ts. */
export const enLetters: Copy<typeof ukLetters> = {
  'office.letters.title': 'Letters to print',
  'office.letters.nav': 'Letters',
  'office.letters.lead': 'Notices about your agencies’ cases that people chose to receive by post. Print the letter, put it in a window envelope and mark it dispatched.',
  'office.letters.none': 'There are no letters to print.',
  'office.letters.caption': 'Letters not dispatched yet, oldest first',
  'office.letters.case': 'Case',
  'office.letters.subject': 'Letter',
  'office.letters.created': 'Created',
  'office.letters.action': 'Action',
  'office.letters.pdf': '(PDF)',
  'office.letters.markDispatched': 'Mark dispatched',
  'office.letters.markFor': '(the letter about case {number})',
  'office.letters.dispatched': 'The letter about case {number} is marked dispatched.',
  'office.letters.gone': 'This letter is not in the queue: it was dispatched already, or it is about another agency’s case.',
  'office.letters.day': 'Day to print',
  'office.letters.dayHint': 'Every letter of that day not dispatched yet, in one PDF, each from a new page. For example, 3 12 2026.',
  'office.letters.batch': 'Download the PDF to print',
  'office.letters.badDay': 'Day to print: {problem}',
};
