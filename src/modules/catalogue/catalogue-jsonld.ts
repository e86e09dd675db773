/**
 * Export of the catalogue as one CPSV-AP 3.2.0 JSON-LD document. Pure: no I/O, no clock, same input → same output.
 *
 * Style follows the specification's own example: class terms of the official context ("PublicService",
 * "PublicOrganization", ...) and compact IRIs for properties, with explicit value objects (@language, @type)
 * so the output does not depend on the official context's type coercions.
 *
 * Choices for what CPSV-AP lacks (extension properties live in the portico namespace `${baseUrl}/ns#`):
 * - Term (statutory deadline, channel processing time): cv:processingTime = P{n}D only for calendar-day terms;
 *   P{n}D would be wrong for working days, so those carry no cv:processingTime. Every term is also given
 *   exactly as portico:termDays (integer) + portico:termUnit (portico:CalendarDays | portico:WorkingDays).
 * - Silent consent: portico:silentConsent (boolean). Result delivery: portico:resultDelivery (local concepts).
 * - Refusal grounds: cpsv:Rule (dct:type = local concept rule-type/refusal-ground), linked with cpsv:follows.
 * - Free services get an explicit cv:Cost of 0 UAH, so "free" is distinguishable from "unknown".
 * - Code lists without an official Ukrainian equivalent (audience, thematic area, channel type, output type, ...)
 *   are local skos:Concepts under `${baseUrl}/id/concept/{scheme}/{code}`; currency, language and frequency use
 *   the EU authority tables. Organisation spatial coverage becomes a dct:Location under `${baseUrl}/id/location/`.
 * - Every node referenced through a property with sh:class in the official shapes is typed in the graph
 *   (organisations are also org:Organization for cv:ownedBy / cv:isDefinedBy, events also cv:Event).
 * - dct:language of a service is the language the service is delivered in (Ukrainian), not of this description.
 */
import type { Lang } from '../../kernel/text.ts';
import type { Address, CentreRecord, CostRecord, EventRecord, OpeningHours } from './catalogue-record.schemas.ts';
import type { OrganisationRecord, ServiceRecord, Term, Text } from './catalogue-record.schemas.ts';

export interface CatalogueSnapshot {
  organisations: readonly OrganisationRecord[]; centres: readonly CentreRecord[];
  events: readonly EventRecord[]; services: readonly ServiceRecord[];
}

export const CPSV_AP_CONTEXT_URL =
  'https://semiceu.github.io/uri.semic.eu-generated/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld';

const EU_AUTHORITY = 'http://publications.europa.eu/resource/authority/';
const SCHEMA = 'https://schema.org/';
const PREFIXES = {
  cpsv: 'http://purl.org/vocab/cpsv#', cv: 'http://data.europa.eu/m8g/', dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/', foaf: 'http://xmlns.com/foaf/0.1/', locn: 'http://www.w3.org/ns/locn#',
  org: 'http://www.w3.org/ns/org#', schema: SCHEMA, skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

type Node = Record<string, unknown>;
type IdNode = Node & { '@id': string };
type Ref = { '@id': string };

const ref = (iri: string): Ref => ({ '@id': iri });
const lit = (value: string, lang: Lang) => ({ '@value': value, '@language': lang });
const text = (t: Text) => [lit(t.uk, 'uk'), lit(t.en, 'en')];
const typed = (value: string | number, datatype: string) => ({ '@value': value, '@type': datatype });
/** `{ key: f(value) }`, or nothing when the value is absent. */
const opt = <T>(key: string, value: T | undefined, f: (v: T) => unknown): Node =>
  value === undefined ? {} : { [key]: f(value) };
const humanize = (code: string) => (code.charAt(0).toUpperCase() + code.slice(1)).replaceAll('-', ' ');
const slugify = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

const DAYS_EN = {
  mo: 'Monday', tu: 'Tuesday', we: 'Wednesday', th: 'Thursday', fr: 'Friday', sa: 'Saturday', su: 'Sunday',
};
const DAYS_UK = { mo: 'пн', tu: 'вт', we: 'ср', th: 'чт', fr: 'пт', sa: 'сб', su: 'нд' };

/** Collects the nodes of the graph; shared nodes (concepts, locations, authority codes, ...) are kept once each. */
class Graph {
  readonly base: string;
  readonly ns: string;
  private readonly own: IdNode[] = [];
  private readonly shared = new Map<string, IdNode>();
  constructor(baseUrl: string) {
    this.base = baseUrl.replace(/\/+$/, '');
    this.ns = `${this.base}/ns#`;
  }

  iri = (kind: string, id: string): string => `${this.base}/id/${kind}/${id}`;

  /** Adds a node (dropping empty arrays) and returns a reference to it. */
  add(node: IdNode): Ref {
    const entries = Object.entries(node).filter(([, v]) => !(Array.isArray(v) && v.length === 0));
    this.own.push(Object.fromEntries(entries) as IdNode);
    return ref(node['@id']);
  }

  share(node: IdNode): Ref {
    if (!this.shared.has(node['@id'])) { this.shared.set(node['@id'], node); }
    return ref(node['@id']);
  }

  /** A code of a local code list: skos:Concept `/id/concept/{scheme}/{code}` in ConceptScheme `/id/concept/{scheme}`. */
  concept(scheme: string, code: string): Ref {
    const inScheme = this.share({
      '@id': `${this.base}/id/concept/${scheme}`, '@type': 'skos:ConceptScheme',
      'skos:prefLabel': lit(humanize(scheme), 'en'),
    });
    return this.share({
      '@id': `${inScheme['@id']}/${code}`, '@type': 'Concept',
      'skos:notation': code, 'skos:prefLabel': lit(humanize(code), 'en'), 'skos:inScheme': inScheme,
    });
  }

  /** A concept of an EU authority table, typed so that sh:class constraints hold. */
  authority(table: string, code: string, type = 'Concept'): Ref {
    return this.share({ '@id': `${EU_AUTHORITY}${table}/${code}`, '@type': type });
  }

  /** All nodes sorted by IRI (code-unit order): deterministic, and every node comes before its sub-nodes. */
  nodes(): IdNode[] {
    const all = [...this.own, ...this.shared.values()];
    return all.sort((a, b) => (a['@id'] < b['@id'] ? -1 : a['@id'] > b['@id'] ? 1 : 0));
  }
}

function termProperties(g: Graph, term: Term): Node {
  return {
    ...(term.unit === 'calendar' ? { 'cv:processingTime': typed(`P${term.days}D`, 'xsd:duration') } : {}),
    'portico:termDays': term.days,
    'portico:termUnit': ref(`${g.ns}${term.unit === 'calendar' ? 'CalendarDays' : 'WorkingDays'}`),
  };
}

function address(g: Graph, owner: string, a: Address): Ref {
  const full = (l: Lang) => [a.street[l], a.city[l], a.region?.[l], a.postCode].filter(Boolean).join(', ');
  return g.add({
    '@id': `${owner}/address`, '@type': 'Address',
    'locn:thoroughfare': text(a.street), 'locn:postName': text(a.city),
    ...opt('locn:adminUnitL2', a.region, text),
    'locn:adminUnitL1': text({ uk: 'Україна', en: 'Ukraine' }),
    'locn:postCode': a.postCode,
    'locn:fullAddress': [lit(full('uk'), 'uk'), lit(full('en'), 'en')],
  });
}

function openingHours(g: Graph, owner: string, hours: OpeningHours | undefined): Ref[] {
  return (hours ?? []).map((h, i) =>
    g.add({
      '@id': `${owner}/opening-hours/${i + 1}`, '@type': ['TemporalEntity', 'schema:OpeningHoursSpecification'],
      'cv:frequency': g.authority('frequency', 'WEEKLY'),
      'dct:description': [
        lit(`${h.days.map((d) => DAYS_UK[d]).join(', ')} ${h.opens}–${h.closes}`, 'uk'),
        lit(`${h.days.map((d) => DAYS_EN[d]).join(', ')} ${h.opens}–${h.closes}`, 'en'),
      ],
      'schema:dayOfWeek': h.days.map((d) => ref(`${SCHEMA}${DAYS_EN[d]}`)),
      'schema:opens': typed(`${h.opens}:00`, 'xsd:time'), 'schema:closes': typed(`${h.closes}:00`, 'xsd:time'),
    }),
  );
}

interface Contact {
  phone?: string | undefined; email?: string | undefined;
  website?: string | undefined; openingHours?: OpeningHours | undefined;
}

/** `cv:contactPoint` to a new ContactPoint node, or nothing when there is nothing to contact. */
function contactPoint(g: Graph, owner: string, c: Contact): Node {
  if (Object.values(c).every((v) => v === undefined)) { return {}; }
  const iri = `${owner}/contact-point`;
  const page = (url: string) => g.share({ '@id': url, '@type': 'Document' });
  return {
    'cv:contactPoint': g.add({
      '@id': iri, '@type': 'ContactPoint',
      ...opt('cv:telephone', c.phone, (p) => p),
      ...opt('cv:email', c.email, (e) => e),
      ...opt('cv:contactPage', c.website, page),
      'cv:openingHours': openingHours(g, iri, c.openingHours),
    }),
  };
}

function organisation(g: Graph, o: OrganisationRecord): void {
  const iri = g.iri('organisation', o.id);
  const spatial = slugify(o.spatial.en) || `of-${o.id}`;
  g.add({
    '@id': iri, '@type': ['PublicOrganization', 'Organization'],
    'dct:identifier': o.registryCode,
    'skos:prefLabel': text(o.name),
    ...opt('skos:altLabel', o.shortName, text),
    'dct:description': text(o.description),
    'dct:spatial': g.share({
      '@id': `${g.base}/id/location/${spatial}`, '@type': 'Location', 'locn:geographicName': text(o.spatial),
    }),
    'org:classification': g.concept('organisation-kind', o.kind),
    ...opt('org:subOrganizationOf', o.parentId, (p) => ref(g.iri('organisation', p))),
    'locn:address': address(g, iri, o.address),
    ...contactPoint(g, iri, o),
  });
}

/** A service centre is an in-person Channel owned by its organisation. */
function centre(g: Graph, c: CentreRecord): void {
  const iri = g.iri('centre', c.id);
  g.add({
    '@id': iri, '@type': 'Channel',
    'dct:identifier': c.id,
    'dct:type': g.concept('channel-type', 'in-person'),
    'dct:title': text(c.name),
    ...opt('dct:description', c.notes, text),
    'cv:ownedBy': ref(g.iri('organisation', c.organisationId)),
    'cv:openingHours': openingHours(g, iri, c.openingHours),
    'locn:address': address(g, iri, c.address),
    ...contactPoint(g, iri, { phone: c.phone, email: c.email }),
    ...opt('portico:accessibility', c.accessibility, text),
  });
}

function event(g: Graph, e: EventRecord, services: readonly ServiceRecord[]): void {
  g.add({
    '@id': g.iri('event', e.id), '@type': [e.kind === 'life' ? 'LifeEvent' : 'BusinessEvent', 'Event'],
    'dct:identifier': e.id,
    'dct:title': text(e.name), 'dct:description': text(e.description),
    'cv:hasRelatedService': services.filter((s) => s.eventIds.includes(e.id)).map((s) => ref(g.iri('service', s.id))),
  });
}

/** Channels of a service; IRIs `{service}/channel/{type}` (then `{type}-2`, ... for repeated types). */
function channels(g: Graph, svc: string, s: ServiceRecord): Ref[] {
  const seen = new Map<string, number>();
  return s.channels.flatMap((ch) => {
    const n = (seen.get(ch.type) ?? 0) + 1;
    seen.set(ch.type, n);
    const key = n === 1 ? ch.type : `${ch.type}-${n}`;
    const iri = `${svc}/channel/${key}`;
    const centres = (ch.centreIds ?? []).map((id) => ref(g.iri('centre', id)));
    const own = g.add({
      '@id': iri, '@type': 'Channel',
      'dct:identifier': `${s.id}/${key}`,
      'dct:type': g.concept('channel-type', ch.type),
      ...opt('dct:description', ch.description, text),
      ...(ch.processingTime === undefined ? {} : termProperties(g, ch.processingTime)),
      ...opt('foaf:page', ch.url, ref),
      ...opt('locn:address', ch.postalAddress, (a) => address(g, iri, a)),
      'cv:openingHours': openingHours(g, iri, ch.openingHours),
      ...contactPoint(g, iri, { phone: ch.phone }),
      ...opt('portico:smsNumber', ch.smsNumber, (x) => x),
      'portico:centre': centres,
    });
    return [own, ...centres];
  });
}

function costs(g: Graph, svc: string, s: ServiceRecord): Ref[] {
  const description = { uk: 'Безоплатно', en: 'Free of charge' };
  const free: CostRecord = { id: 'free', amount: 0, currency: 'UAH', description };
  return (s.costs.length > 0 ? s.costs : [free]).map((c) =>
    g.add({
      '@id': `${svc}/cost/${c.id}`, '@type': 'Cost',
      'dct:identifier': `${s.id}/${c.id}`,
      'cv:hasValue': typed(c.amount, 'xsd:double'),
      'cv:currency': g.authority('currency', c.currency),
      'dct:description': text(c.description),
      'cv:isDefinedBy': ref(g.iri('organisation', c.definedById ?? s.organisationId)),
      ...opt('cv:ifAccessedThrough', c.channel, (t) => ref(`${svc}/channel/${t}`)),
    }),
  );
}

function service(g: Graph, s: ServiceRecord): void {
  const svc = g.iri('service', s.id);
  const scoped = (kind: string, id: string) => `${svc}/${kind}/${id}`;
  const evidenceType = (type: string) =>
    g.share({
      '@id': g.iri('evidence-type', type), '@type': 'EvidenceType',
      'dct:identifier': type,
      'cv:evidenceTypeClassification': g.concept('evidence-type', type),
    });
  const node = (kind: string, type: string, x: { id: string; name: Text; description?: Text }, extra: Node) =>
    g.add({
      '@id': scoped(kind, x.id), '@type': type,
      'dct:identifier': `${s.id}/${x.id}`,
      'dct:title': text(x.name),
      ...opt('dct:description', x.description, text),
      ...extra,
    });

  g.add({
    '@id': svc, '@type': 'PublicService',
    'dct:identifier': s.identifier,
    'dct:title': text(s.name), 'dct:description': text(s.description),
    'dcat:keyword': [...s.keywords.uk.map((k) => lit(k, 'uk')), ...s.keywords.en.map((k) => lit(k, 'en'))],
    'dct:audience': s.audience.map((a) => g.concept('audience', a)),
    'cv:thematicArea': g.concept('thematic-area', s.thematicArea),
    ...opt('cv:isClassifiedBy', s.euBasicService, (c) => g.concept('eu-basic-service', c)),
    'cv:hasCompetentAuthority': ref(g.iri('organisation', s.organisationId)),
    'cv:hasChannel': channels(g, svc, s),
    'cv:hasCost': costs(g, svc, s),
    ...opt('portico:feeExemptions', s.feeExemptions, text),
    'cv:holdsRequirement': s.requirements.map((r) =>
      node('requirement', 'Requirement', r, {
        'cv:hasSupportingEvidence': (r.evidenceIds ?? []).map((id) => ref(scoped('evidence', id))),
      }),
    ),
    'cpsv:hasInput': s.evidence.map((e) =>
      node('evidence', 'Evidence', e, {
        'dct:conformsTo': evidenceType(e.type),
        ...opt('portico:optional', e.optional, (o) => o),
        'cv:supportsRequirement': s.requirements
          .filter((r) => r.evidenceIds?.includes(e.id))
          .map((r) => ref(scoped('requirement', r.id))),
      }),
    ),
    'cv:hasInputType': [...new Set(s.evidence.map((e) => e.type))].map(evidenceType),
    'cpsv:produces': s.outputs.map((o) => node('output', 'Output', o, { 'dct:type': g.concept('output-type', o.type) })),
    'cv:hasLegalResource': s.legalResources.map((l) =>
      g.add({
        '@id': scoped('legal-resource', l.id), '@type': 'LegalResource',
        'dct:identifier': `${s.id}/${l.id}`,
        'dct:title': text(l.title),
        'dct:bibliographicCitation': l.citation,
        ...opt('foaf:page', l.url, ref),
      }),
    ),
    'cpsv:follows': s.refusalGrounds.map((r, i) => {
      const name = { uk: `Підстава для відмови ${i + 1}`, en: `Ground for refusal ${i + 1}` };
      const type = g.concept('rule-type', 'refusal-ground');
      return node('refusal-ground', 'Rule', { id: r.id, name, description: r.text }, { 'dct:type': type });
    }),
    ...termProperties(g, s.deadline),
    'portico:silentConsent': s.silentConsent,
    'portico:resultDelivery': s.resultDelivery.map((d) => g.concept('delivery-method', d)),
    'cv:isGroupedBy': s.eventIds.map((id) => ref(g.iri('event', id))),
    'dct:language': g.authority('language', 'UKR', 'LinguisticSystem'),
  });
}

export function catalogueToJsonLd(snapshot: CatalogueSnapshot, baseUrl: string): Record<string, unknown> {
  const g = new Graph(baseUrl);
  snapshot.organisations.forEach((o) => organisation(g, o));
  snapshot.centres.forEach((c) => centre(g, c));
  snapshot.events.forEach((e) => event(g, e, snapshot.services));
  snapshot.services.forEach((s) => service(g, s));
  return { '@context': [CPSV_AP_CONTEXT_URL, { ...PREFIXES, portico: g.ns }], '@graph': g.nodes() };
}
