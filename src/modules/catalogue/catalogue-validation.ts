import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';

import { type CatalogueRecords, FILE_KEYS, RECORD_KINDS, type RecordKind } from './catalogue.ts';
import { CatalogueFile, Service, type ServiceRecord } from './catalogue-record.schemas.ts';
import type { RecordIssue } from './catalogue-references.ts';
import type { FieldIssue } from '../../kernel/errors.ts';
import { type Result, err, ok } from '../../kernel/result.ts';

/** A problem in a catalogue file, named down to the file, the record and the field. */
export interface FileIssue {
  readonly file: string;
  readonly kind: RecordKind | null;
  readonly index: number | null;
  readonly recordId: string | null;
  readonly pointer: string;
  readonly message: string;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const validateFile = ajv.compile<CatalogueFile>(CatalogueFile);
const validateService = ajv.compile<ServiceRecord>(Service);

/**
 * Validates one service record against the same JSON Schema the import applies to a file's services
 * (the catalogue editor's drafts): each problem named by its JSON Pointer and the schema keyword.
 */
export function parseServiceRecord(value: unknown): Result<ServiceRecord, FieldIssue[]> {
  if (validateService(value)) {
    return ok(value);
  }
  return err((validateService.errors ?? []).map((e) => {
    const missing = e.keyword === 'required' ? `/${String(e.params['missingProperty'])}` : '';
    return { pointer: `${e.instancePath}${missing}`, message: describe(e), keyword: e.keyword };
  }));
}

const KIND_BY_KEY = Object.fromEntries(RECORD_KINDS.map((k) => [FILE_KEYS[k], k])) as Record<string, RecordKind>;

/** Validates parsed catalogue files against the JSON Schema and merges them into one set of records. */
export function parseCatalogueFiles(
  files: ReadonlyArray<{ readonly name: string; readonly content: unknown }>,
): Result<CatalogueRecords, FileIssue[]> {
  const issues: FileIssue[] = [];
  const merged = { organisations: [], centres: [], events: [], services: [] } as {
    [K in keyof CatalogueRecords]: Array<CatalogueRecords[K][number]>;
  };
  for (const file of files) {
    if (!validateFile(file.content)) {
      issues.push(...(validateFile.errors ?? []).map((e) => toFileIssue(file.name, file.content, e)));
      continue;
    }
    const content = file.content;
    merged.organisations.push(...(content.organisations ?? []));
    merged.centres.push(...(content.centres ?? []));
    merged.events.push(...(content.events ?? []));
    merged.services.push(...(content.services ?? []));
  }
  return issues.length > 0 ? err(issues) : ok(merged);
}

function toFileIssue(file: string, content: unknown, e: ErrorObject): FileIssue {
  const parts = e.instancePath.split('/').slice(1);
  const [key, indexText, ...rest] = parts;
  const kind = key === undefined ? null : (KIND_BY_KEY[key] ?? null);
  const index = indexText === undefined ? null : Number(indexText);
  let recordId: string | null = null;
  if (kind && index !== null && content && typeof content === 'object') {
    const list = (content as Record<string, unknown>)[FILE_KEYS[kind]];
    const record = Array.isArray(list) ? (list[index] as unknown) : undefined;
    if (record && typeof record === 'object' && typeof (record as { id?: unknown }).id === 'string') {
      recordId = (record as { id: string }).id;
    }
  }
  const field = kind ? `/${rest.join('/')}` : e.instancePath || '/';
  return { file, kind, index: kind ? index : null, recordId, pointer: field === '/' ? '' : field, message: describe(e) };
}

function describe(e: ErrorObject): string {
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown field "${String(e.params['additionalProperty'])}"`;
    case 'required':
      return `missing required field "${String(e.params['missingProperty'])}"`;
    case 'anyOf':
      return 'is not one of the allowed values';
    default:
      return e.message ?? 'is invalid';
  }
}

/** Names each reference problem with the file that holds the record. */
export function locateIssues(issues: readonly RecordIssue[], fileOf: (kind: RecordKind, id: string) => string): FileIssue[] {
  return issues.map((i) => ({
    file: fileOf(i.kind, i.recordId),
    kind: i.kind,
    index: null,
    recordId: i.recordId,
    pointer: i.pointer,
    message: i.message,
  }));
}

export function formatIssue(i: FileIssue): string {
  const record = i.kind ? ` ${i.kind}${i.recordId ? ` "${i.recordId}"` : ''}${i.index !== null ? ` (#${i.index + 1})` : ''}` : '';
  return `${i.file}:${record} ${i.pointer || '(record)'}: ${i.message}`;
}

