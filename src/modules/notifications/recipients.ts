/**
 * Pure: who is told about a case and on which channels. The submitting person; the represented party
 * (a represented person themself, or a legal entity's directors); and whoever holds a mandate from
 * that party in force at the time and covering the case's service. Each person once, in their own
 * language, on the portal inbox always, and by e-mail or SMS when they asked for it and the address
 * is confirmed, and by post (a printed letter) when they asked for it and gave a postal address.
 */
import type { Lang } from '../../kernel/text.ts';
import { isMandateActive, type Mandate, scopeCovers } from '../identity/index.ts';

/** What the portal knows of one person who may be told. */
export interface NoticePerson {
  readonly personId: string;
  readonly nationalId: string | null;
  readonly name: string;
  readonly language: Lang;
  readonly noticeChannels: readonly string[];
  /** Null unless confirmed. */
  readonly email: string | null;
  /** Null unless confirmed. */
  readonly phone: string | null;
  /** The postal address as the person wrote it (lines separated by newlines), or null. */
  readonly postalAddress: string | null;
}

/** The party a case is for, as the case records it. */
export interface NoticeParty {
  readonly kind: 'self' | 'business' | 'person';
  readonly id: string | null;
  readonly name: string;
}

export interface NoticeFacts {
  readonly submitter: NoticePerson;
  readonly party: NoticeParty;
  readonly service: { readonly id: string; readonly thematicArea: string };
  readonly at: Date;
  /** The represented person (party `person`), when the portal knows them. */
  readonly represented: NoticePerson | null;
  /** The directors of the business party, from the business register, who are known to the portal. */
  readonly directors: readonly NoticePerson[];
  /** Mandates granted by the party (any state), each with its holder when the portal knows them. */
  readonly mandates: ReadonlyArray<{ readonly mandate: Mandate; readonly holder: NoticePerson | null }>;
}

export type Delivery =
  | { readonly channel: 'portal' }
  | { readonly channel: 'email'; readonly address: string }
  | { readonly channel: 'sms'; readonly address: string }
  | { readonly channel: 'post'; readonly address: string };

export type RecipientRole = 'submitter' | 'represented' | 'director' | 'representative';

export interface Recipient {
  readonly personId: string;
  readonly name: string;
  readonly role: RecipientRole;
  readonly language: Lang;
  /** The party the message concerns for this person: themself, or the business or person represented. */
  readonly party: NoticeParty;
  /** The portal inbox first, then e-mail, SMS and post as asked for. */
  readonly deliveries: readonly Delivery[];
}

export function deliveriesFor(p: NoticePerson): Delivery[] {
  const out: Delivery[] = [{ channel: 'portal' }];
  if (p.noticeChannels.includes('email') && p.email !== null) {
    out.push({ channel: 'email', address: p.email });
  }
  if (p.noticeChannels.includes('sms') && p.phone !== null) {
    out.push({ channel: 'sms', address: p.phone });
  }
  const postal = p.postalAddress?.trim() ?? '';
  if (p.noticeChannels.includes('post') && postal !== '') {
    out.push({ channel: 'post', address: postal });
  }
  return out;
}

export function noticeRecipients(f: NoticeFacts): Recipient[] {
  const candidates: Array<[NoticePerson, RecipientRole]> = [[f.submitter, 'submitter']];
  if (f.party.kind === 'person' && f.represented !== null) {
    candidates.push([f.represented, 'represented']);
  }
  if (f.party.kind === 'business') {
    candidates.push(...f.directors.map((d): [NoticePerson, RecipientRole] => [d, 'director']));
  }
  if (f.party.kind !== 'self') {
    for (const { mandate, holder } of f.mandates) {
      const fromParty = mandate.grantor.kind === f.party.kind && mandate.grantor.id === f.party.id;
      if (holder !== null && fromParty && isMandateActive(mandate, f.at) && scopeCovers(mandate.scope, f.service)) {
        candidates.push([holder, 'representative']);
      }
    }
  }
  const seen = new Set<string>();
  const out: Recipient[] = [];
  for (const [person, role] of candidates) {
    if (seen.has(person.personId)) {
      continue;
    }
    seen.add(person.personId);
    const ownParty = f.party.kind === 'self' || (f.party.kind === 'person' && person.nationalId !== null && person.nationalId === f.party.id);
    out.push({
      personId: person.personId, name: person.name, role, language: person.language,
      party: ownParty ? { kind: 'self', id: null, name: person.name } : f.party,
      deliveries: deliveriesFor(person),
    });
  }
  return out;
}
