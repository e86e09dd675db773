import type { FieldIssue } from '../../kernel/errors.ts';
import { type CatalogueRecords, FILE_KEYS, type RecordKind } from './catalogue.ts';
import { checkForm } from '../forms/index.ts';
import { checkWorkflow } from '../workflow/index.ts';

/** A problem found in one record: which record, which field, what is wrong. */
export interface RecordIssue extends FieldIssue {
  readonly kind: RecordKind;
  readonly recordId: string;
}

/** What the catalogue already holds, as far as references need to know. */
export interface CatalogueIndex {
  readonly organisationIds: ReadonlySet<string>;
  readonly centreIds: ReadonlySet<string>;
  readonly eventIds: ReadonlySet<string>;
  /** Service identifier (register code) → service id. */
  readonly serviceIdentifiers: ReadonlyMap<string, string>;
}

export const emptyIndex = (): CatalogueIndex => ({ organisationIds: new Set(), centreIds: new Set(), eventIds: new Set(), serviceIdentifiers: new Map() });

/**
 * Checks what a JSON Schema cannot: unique ids and codes, and that every reference of an incoming
 * record names a record that exists, either already in the catalogue or in the same import. Pure.
 */
export function checkReferences(existing: CatalogueIndex, records: CatalogueRecords): RecordIssue[] {
  const issues: RecordIssue[] = [];
  const ids = {
    organisation: new Set([...existing.organisationIds, ...records.organisations.map((r) => r.id)]),
    centre: new Set([...existing.centreIds, ...records.centres.map((r) => r.id)]),
    event: new Set([...existing.eventIds, ...records.events.map((r) => r.id)]),
    service: new Set([...existing.serviceIdentifiers.values(), ...records.services.map((r) => r.id)]),
  };
  const need = (kind: RecordKind, recordId: string, pointer: string, target: keyof typeof ids, id: string) => {
    if (!ids[target].has(id)) {
      issues.push({ kind, recordId, pointer, message: `refers to ${target} "${id}", which does not exist` });
    }
  };

  for (const o of records.organisations) {
    if (o.parentId !== undefined) {
      need('organisation', o.id, '/parentId', 'organisation', o.parentId);
      if (o.parentId === o.id) {
        issues.push({ kind: 'organisation', recordId: o.id, pointer: '/parentId', message: 'an organisation cannot be its own parent' });
      }
    }
  }
  for (const c of records.centres) {
    need('centre', c.id, '/organisationId', 'organisation', c.organisationId);
    (c.appointments ?? []).forEach((a, i) => need('centre', c.id, `/appointments/${i}/serviceId`, 'service', a.serviceId));
  }
  for (const e of records.events) {
    (e.bundle?.services ?? []).forEach((id, i) => need('event', e.id, `/bundle/services/${i}`, 'service', id));
  }
  const incomingIds = new Set(records.services.map((s) => s.id));
  const identifiers = new Map([...existing.serviceIdentifiers].filter(([, id]) => !incomingIds.has(id)));
  for (const s of records.services) {
    need('service', s.id, '/organisationId', 'organisation', s.organisationId);
    s.eventIds.forEach((e, i) => need('service', s.id, `/eventIds/${i}`, 'event', e));
    s.channels.forEach((ch, i) =>
      (ch.centreIds ?? []).forEach((c, j) => need('service', s.id, `/channels/${i}/centreIds/${j}`, 'centre', c)),
    );
    s.costs.forEach((cost, i) => {
      if (cost.definedById !== undefined) {
        need('service', s.id, `/costs/${i}/definedById`, 'organisation', cost.definedById);
      }
    });
    issues.push(...checkInnerIds(s));
    const holder = identifiers.get(s.identifier);
    if (holder !== undefined && holder !== s.id) {
      issues.push({ kind: 'service', recordId: s.id, pointer: '/identifier', message: `identifier ${s.identifier} is already used by service "${holder}"` });
    }
    identifiers.set(s.identifier, s.id);
  }
  issues.push(...checkDuplicateIds(records));
  return issues;
}

function checkInnerIds(s: CatalogueRecords['services'][number]): RecordIssue[] {
  const issues: RecordIssue[] = [];
  const evidenceIds = new Set(s.evidence.map((e) => e.id));
  s.requirements.forEach((r, i) =>
    (r.evidenceIds ?? []).forEach((e, j) => {
      if (!evidenceIds.has(e)) {
        issues.push({ kind: 'service', recordId: s.id, pointer: `/requirements/${i}/evidenceIds/${j}`, message: `refers to evidence "${e}", which this service does not list` });
      }
    }),
  );
  const fetched = new Set(s.evidence.filter((e) => e.registry !== undefined).map((e) => e.id));
  s.form?.pages.forEach((page, i) => page.fields.forEach((f, j) => {
    if (f.evidenceId !== undefined && fetched.has(f.evidenceId)) {
      issues.push({ kind: 'service', recordId: s.id, pointer: `/form/pages/${i}/fields/${j}/evidenceId`, message: `"${f.evidenceId}" is fetched from a registry: the applicant is not asked to upload it` });
    }
  }));
  if (s.form !== undefined) {
    for (const p of checkForm(s.form, [...evidenceIds], s.costs.map((c) => c.id), s.costs.filter((c) => c.channel === undefined || c.channel === 'online').map((c) => c.id))) {
      issues.push({ kind: 'service', recordId: s.id, pointer: `/form${p.pointer}`, message: p.message });
    }
  }
  if (s.workflow !== undefined) {
    for (const p of checkWorkflow(s.workflow)) {
      issues.push({ kind: 'service', recordId: s.id, pointer: `/workflow${p.pointer}`, message: p.message });
    }
  }
  issues.push(...checkProactive(s));
  const lists = { requirements: s.requirements, evidence: s.evidence, costs: s.costs, outputs: s.outputs, legalResources: s.legalResources, refusalGrounds: s.refusalGrounds };
  for (const [name, list] of Object.entries(lists)) {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) {
        issues.push({ kind: 'service', recordId: s.id, pointer: `/${name}/${i}/id`, message: `id "${item.id}" appears twice in ${name}` });
      }
      seen.add(item.id);
    });
  }
  return issues;
}

/**
 * A proactive service (ADR 0032): an offer leads to an online application, so it needs an online form; an automatic
 * one is granted without being asked for, so it charges no fee; only an automatic one has an objection window.
 */
function checkProactive(s: CatalogueRecords['services'][number]): RecordIssue[] {
  const p = s.proactive;
  const issue = (pointer: string, message: string): RecordIssue => ({ kind: 'service', recordId: s.id, pointer: `/proactive${pointer}`, message });
  if (p === undefined) {
    return [];
  }
  const issues: RecordIssue[] = [];
  if (p.mode === 'offer' && (s.form === undefined || !s.channels.some((c) => c.type === 'online'))) {
    issues.push(issue('/mode', 'an offer needs an online form to prefill'));
  }
  if (p.mode === 'automatic' && s.costs.some((c) => c.amount > 0)) {
    issues.push(issue('/mode', 'a service granted without an application charges no fee'));
  }
  if (p.mode === 'offer' && p.objectionDays !== undefined) {
    issues.push(issue('/objectionDays', 'only an automatic grant has an objection window'));
  }
  if (p.subject !== undefined) {
    const fields = s.form?.pages.flatMap((page) => page.fields) ?? [];
    const kind = (name: string) => fields.find((f) => f.name === name)?.kind;
    if (p.mode !== 'automatic') {
      issues.push(issue('/subject', 'only an automatic grant claims the case about the person it names'));
    }
    if (kind(p.subject.name) !== 'text') {
      issues.push(issue('/subject/name', `the form has no text field "${p.subject.name}"`));
    }
    if (kind(p.subject.birthDate) !== 'date') {
      issues.push(issue('/subject/birthDate', `the form has no date field "${p.subject.birthDate}"`));
    }
  }
  return issues;
}

function checkDuplicateIds(records: CatalogueRecords): RecordIssue[] {
  const issues: RecordIssue[] = [];
  for (const kind of ['organisation', 'centre', 'event', 'service'] as const) {
    const seen = new Set<string>();
    for (const r of records[FILE_KEYS[kind]]) {
      if (seen.has(r.id)) {
        issues.push({ kind, recordId: r.id, pointer: '/id', message: `${kind} id "${r.id}" appears more than once` });
      }
      seen.add(r.id);
    }
  }
  return issues;
}
