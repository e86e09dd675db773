import type { FieldIssue } from '../../kernel/errors.ts';
import type { Result } from '../../kernel/result.ts';
import { type CatalogueEvent, type Organisation, type SearchPageParams, unknownFilterReferences } from '../../modules/catalogue/index.ts';
import type { FieldError } from '../common/components.tsx';
import type { TextKey, Translator } from '../locales/messages.ts';

const FIELDS = ['q', 'audience', 'agency', 'event', 'channel', 'online', 'page'] as const;
type Field = (typeof FIELDS)[number];
const MESSAGE: Record<Field, TextKey> = {
  q: 'error.q',
  audience: 'error.audience',
  agency: 'error.agency',
  event: 'error.event',
  channel: 'error.channel',
  online: 'error.online',
  page: 'error.page',
};

/** Field messages for the search page: schema problems, then filters naming records that do not exist. */
export function searchErrors(
  t: Translator,
  parsed: Result<SearchPageParams, FieldIssue[]>,
  organisations: readonly Organisation[],
  events: readonly CatalogueEvent[],
): FieldError[] {
  if (!parsed.ok) {
    const fields = new Set(parsed.error.map((i) => i.pointer.split('/')[1]).filter((f): f is Field => FIELDS.includes(f as Field)));
    return FIELDS.filter((f) => fields.has(f)).map((field) => ({ field, message: t(MESSAGE[field]) }));
  }
  return unknownFilterReferences(parsed.value, { organisations, events }).map((field) => ({ field, message: t(MESSAGE[field]) }));
}
