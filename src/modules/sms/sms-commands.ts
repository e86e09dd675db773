/**
 * What a text sent to the portal's number asks for. A message is a keyword, in Ukrainian or English
 * (each with its aliases, in any letter case), and what follows it; spaces around and between words do
 * not matter. The keyword's language is the reply's language (`null` for `?`, which belongs to
 * neither). Pure.
 */
import type { Lang } from '../../kernel/text.ts';

/** The commands that take text after the keyword. */
export const TEXT_COMMANDS = ['info', 'centre', 'queue', 'book', 'cancel', 'ask', 'complain', 'suggest', 'commend'] as const;
export type TextCommand = (typeof TEXT_COMMANDS)[number];

export type SmsCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'stop' }
  | { readonly kind: 'start' }
  /** `caseNumber` normalised to `YYYY-NNNNNN`, or null when what followed is not a case number. */
  | { readonly kind: 'status'; readonly caseNumber: string | null; readonly argument: string }
  | { readonly kind: TextCommand; readonly argument: string }
  | { readonly kind: 'unknown' };

export type CommandKind = SmsCommand['kind'];

export interface ParsedSms {
  readonly command: SmsCommand;
  /** The language of the keyword; null for `?` and for text that is no command. */
  readonly lang: Lang | null;
}

type Keyword = Exclude<CommandKind, 'unknown'>;

/** Every keyword, lower-case, with its command and language. */
const KEYWORDS: ReadonlyMap<string, { readonly kind: Keyword; readonly lang: Lang | null }> = new Map<string, { kind: Keyword; lang: Lang | null }>([
  ...entries('en', { help: ['help'], stop: ['stop', 'unsubscribe'], start: ['start', 'subscribe'], status: ['status'], info: ['info'], centre: ['centre', 'center'], queue: ['queue'], book: ['book'], cancel: ['cancel', 'unbook'], ask: ['ask'], complain: ['complain', 'complaint'], suggest: ['suggest'], commend: ['commend', 'thanks'] }),
  ...entries('uk', { help: ['допомога', 'довідка'], stop: ['стоп'], start: ['старт'], status: ['статус'], info: ['інфо'], centre: ['цнап', 'центр'], queue: ['черга'], book: ['запис'], cancel: ['скасувати', 'скасування', 'відмінити'], ask: ['питання'], complain: ['скарга'], suggest: ['пропозиція'], commend: ['подяка'] }),
  ['?', { kind: 'help', lang: null }],
]);

function entries(lang: Lang, words: Readonly<Record<Keyword, readonly string[]>>): Array<[string, { kind: Keyword; lang: Lang }]> {
  return Object.entries(words).flatMap(([kind, list]) => list.map((w): [string, { kind: Keyword; lang: Lang }] => [w, { kind: kind as Keyword, lang }]));
}

/** Reads a message: its first word is the keyword, the rest (spaces collapsed) its argument. */
export function parseSms(text: string): ParsedSms {
  const words = text.normalize('NFC').trim().split(/\s+/u).filter((w) => w !== '');
  const [first = '', ...rest] = words;
  const keyword = KEYWORDS.get(first.toLocaleLowerCase('uk'));
  if (keyword === undefined) {
    return { command: { kind: 'unknown' }, lang: null };
  }
  const argument = rest.join(' ');
  switch (keyword.kind) {
    case 'help':
    case 'stop':
    case 'start':
      return { command: { kind: keyword.kind }, lang: keyword.lang };
    case 'status':
      return { command: { kind: 'status', caseNumber: caseNumberOf(argument), argument }, lang: keyword.lang };
    case 'info':
    case 'centre':
    case 'queue':
    case 'book':
    case 'cancel':
    case 'ask':
    case 'complain':
    case 'suggest':
    case 'commend':
      return { command: { kind: keyword.kind, argument }, lang: keyword.lang };
  }
}

/** `2026-000123`, also written `2026000123` or `2026 - 000123`; anything else is null. */
export function caseNumberOf(text: string): string | null {
  const match = /^(\d{4})\s*[-–]?\s*(\d{6})$/u.exec(text.trim());
  return match ? `${match[1]}-${match[2]}` : null;
}

/** The language of a text that is no command: Ukrainian when it has Cyrillic letters, else null (undecided). */
export const scriptLang = (text: string): Lang | null => (/\p{Script=Cyrillic}/u.test(text) ? 'uk' : /\p{L}/u.test(text) ? 'en' : null);
