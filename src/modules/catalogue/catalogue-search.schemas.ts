import { type Static, Type } from '@sinclair/typebox';
import { Ajv } from 'ajv';

import { AUDIENCES, CHANNEL_TYPES, literals } from './catalogue-record.schemas.ts';
import type { SearchQuery } from './catalogue-search.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import type { FieldIssue } from '../../kernel/errors.ts';

const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 });

/** The search filters, shared by the search page and the API (which adds paging). */
export const SearchFilters = {
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Words to search for, in Ukrainian or English; typos are tolerated' })),
  audience: Type.Optional(literals(AUDIENCES)),
  agency: Type.Optional({ ...Slug, description: 'Id of the competent organisation' }),
  event: Type.Optional({ ...Slug, description: 'Id of a life or business event' }),
  channel: Type.Optional(literals(CHANNEL_TYPES)),
  online: Type.Optional(literals(['yes', 'no'] as const)),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
};

export const SearchPageParams = Type.Object(SearchFilters);
export const SearchApiParams = Type.Object(
  { ...SearchFilters, pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })) },
  { additionalProperties: false },
);
export type SearchPageParams = Static<typeof SearchPageParams>;
export type SearchApiParams = Static<typeof SearchApiParams>;

const ajv = new Ajv({ allErrors: true, coerceTypes: true, useDefaults: true, strict: false });
const validatePageParams = ajv.compile<SearchPageParams>(SearchPageParams);

/** Parses the query string of the search page; unknown parameters are ignored, bad values named. */
export function parseSearchPageParams(raw: Readonly<Record<string, unknown>>): Result<SearchPageParams, FieldIssue[]> {
  const known: Record<string, unknown> = {};
  for (const key of Object.keys(SearchFilters)) {
    const value = raw[key];
    if (typeof value === 'string' && value !== '') {
      known[key] = value;
    }
  }
  if (validatePageParams(known)) {
    return ok(known);
  }
  const issues = (validatePageParams.errors ?? []).map((e) => ({ pointer: e.instancePath, message: e.message ?? 'is invalid', keyword: e.keyword }));
  return err(issues);
}

export function toSearchQuery(p: SearchPageParams & { pageSize?: number | undefined }, defaultPageSize: number): SearchQuery {
  return {
    text: p.q?.trim() ? p.q.trim() : null,
    audience: p.audience ?? null,
    organisationId: p.agency ?? null,
    eventId: p.event ?? null,
    channel: p.channel ?? null,
    online: p.online === undefined ? null : p.online === 'yes',
    page: p.page ?? 1,
    pageSize: p.pageSize ?? defaultPageSize,
  };
}
