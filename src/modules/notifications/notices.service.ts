import type { Clock } from '../../kernel/clock.ts';
import { isUuid } from '../../kernel/ids.ts';
import { err, ok, type Result } from '../../kernel/result.ts';
import type { Lang } from '../../kernel/text.ts';
import { appendAudit, auditedTransaction } from '../../platform/audit/audit.ts';
import type { Database, Queryable } from '../../platform/db/database.ts';
import type { ReadQueryable } from '../../platform/db/reads.ts';
import { outboxRepository } from '../../platform/outbox/index.ts';
import { newId } from '../../platform/security/tokens.ts';
import { formatMoney } from '../cases/index.ts';
import type { CollectionReadyMessage } from '../collection/index.ts';
import type { SignedIn } from '../identity/index.ts';
import type { CaseNoticeKind } from './case-notices.ts';
import { caseSubmittedEmail, decisionEmail, decisionLetter, informationRequestedEmail, noticeSms, paymentReceivedEmail, readyForCollectionEmail, withdrawnEmail } from './case-templates.ts';
import type { NotificationLinks } from './links.ts';
import { lettersRepository } from './letters.repository.ts';
import { APPEAL_EMAIL_TOPIC, APPEAL_SMS_TOPIC, type AppealDelivery, deliveryKey, NOTICE_EMAIL_TOPIC, NOTICE_SMS_TOPIC, type NoticeDelivery } from './notice-deliveries.ts';
import { appealNoticeEmail, appealNoticeSms } from './appeal-templates.ts';
import type { AppealNoticeMessage } from '../appeals/index.ts';
import type { ProactiveNoticeMessage } from '../proactive/index.ts';
import { proactiveNotice } from './proactive-templates.ts';
import { MessageNotFound } from './notices.errors.ts';
import { type InboxMessage, type NoticeCase, noticesRepository } from './notices.repository.ts';
import { deliveriesFor, noticeRecipients, type NoticePerson, type Recipient } from './recipients.ts';
import type { RenderedEmail } from './templates.ts';

/** One notice about a case, as the handler read it from the outbox message. */
export interface CaseNotice {
  readonly caseId: string;
  readonly kind: CaseNoticeKind;
  /** The outcome a decision notice tells. */
  readonly decided: string | null;
  /** Kopecks due with a `submitted` notice. */
  readonly feeDue: number | null;
  /** The day an answer is asked for by, with an `information-requested` notice. */
  readonly answerBy: string | null;
  /** What a `ready-for-collection` or `collection-reminder` notice tells: what, where, until when. */
  readonly collection?: CollectionReadyMessage;
}

/** What one fan-out did: who was told, how many inbox rows and deliveries it wrote (none when it ran before). */
export interface FanOut {
  readonly recipients: readonly Recipient[];
  readonly inboxWritten: number;
  readonly deliveriesWritten: number;
  /** Letters to print (post). */
  readonly lettersWritten: number;
}

export interface NoticesDeps {
  readonly db: Database;
  readonly clock: Clock;
  /** The case's service as the catalogue has it (for a mandate's scope). */
  readonly serviceOf: (serviceId: string) => Promise<{ readonly id: string; readonly thematicArea: string } | null>;
  readonly links: NotificationLinks;
  /** Where the inbox's list and unread count are read: a replica, with read-your-writes (ADR 0018); `db` when absent. */
  readonly reads?: ReadQueryable;
}

/** The inbox of one person: their messages, grouped by the party each concerns. */
export interface InboxParty {
  readonly party: InboxMessage['party'];
  readonly unread: number;
  readonly messages: readonly InboxMessage[];
}

const INBOX_LIMIT = 200;

/** The collection notice in one language; a representative is told to bring their authority too. */
function collectionWording(k: CollectionReadyMessage | undefined, lang: Lang, caseNumber: string, url: string, representative: boolean): RenderedEmail {
  if (k === undefined) {
    throw new Error(`a collection notice of case ${caseNumber} without its collection`);
  }
  const words = { what: k.what[lang], centre: k.centreName[lang], address: k.address[lang], hours: k.hours[lang], collectBy: k.collectBy };
  return readyForCollectionEmail(lang, k.notice, caseNumber, words, representative, url);
}

function wording(n: CaseNotice, lang: Lang, caseNumber: string, url: string, role: Recipient['role']): RenderedEmail {
  switch (n.kind) {
    case 'ready-for-collection':
    case 'collection-reminder':
      return collectionWording(n.collection, lang, caseNumber, url, role === 'representative');
    case 'submitted':
      return caseSubmittedEmail(lang, caseNumber, url, n.feeDue === null ? null : formatMoney(n.feeDue, lang));
    case 'payment-received':
      return paymentReceivedEmail(lang, caseNumber, url);
    case 'information-requested':
      return informationRequestedEmail(lang, caseNumber, url, n.answerBy);
    case 'decision':
      return decisionEmail(lang, caseNumber, n.decided ?? '', url);
    case 'withdrawn':
      return withdrawnEmail(lang, caseNumber, url);
  }
}

async function factsOf(tx: Queryable, deps: NoticesDeps, c: NoticeCase, submitter: NoticePerson) {
  const { party } = c;
  const grantor = party.kind === 'self' || party.id === null ? null : { kind: party.kind, id: party.id };
  const mandates = grantor === null ? [] : await noticesRepository.mandatesGrantedBy(tx, grantor);
  const directorIds = party.kind === 'business' && party.id !== null ? await noticesRepository.directorsOf(tx, party.id) : [];
  const representedIds = party.kind === 'person' && party.id !== null ? [party.id] : [];
  const known = await noticesRepository.personsByNationalId(tx, [...new Set([...directorIds, ...representedIds, ...mandates.map((m) => m.representativeNationalId)])]);
  const byNationalId = new Map(known.flatMap((p) => (p.nationalId === null ? [] : [[p.nationalId, p] as const])));
  const service = (await deps.serviceOf(c.serviceId)) ?? { id: c.serviceId, thematicArea: '' };
  return {
    submitter, party, service, at: deps.clock.now(),
    represented: representedIds[0] === undefined ? null : (byNationalId.get(representedIds[0]) ?? null),
    directors: directorIds.flatMap((id) => byNationalId.get(id) ?? []),
    mandates: mandates.map((mandate) => ({ mandate, holder: byNationalId.get(mandate.representativeNationalId) ?? null })),
  };
}

/** An offer or an automatic grant (ADR 0032) in the person's inbox, in their language, once per source message. */
async function proactiveNoticeOf(deps: NoticesDeps, m: ProactiveNoticeMessage, sourceKey: string): Promise<boolean> {
  return auditedTransaction(deps.db, async (tx) => {
    const person = await noticesRepository.person(tx, m.personId);
    if (person === null) {
      return false;
    }
    const lang = person.language;
    const text = proactiveNotice(lang, m, deps.links.proactiveItem(lang, m.itemId));
    const now = deps.clock.now();
    const written = await noticesRepository.insertProactiveMessage(tx, {
      id: newId(), personId: m.personId, proactiveId: m.itemId, caseNumber: m.caseNumber ?? '', kind: m.mode === 'offer' ? 'proactive-offer' : 'proactive-automatic',
      lang, subject: text.subject, body: text.text, sourceKey, createdAt: now,
    });
    if (written) {
      await appendAudit(tx, {
        at: now, action: 'notice.sent', outcome: 'done', channel: 'system', actorPersonId: null, actingFor: null, subject: `person:${m.personId}`,
        detail: { kind: `proactive-${m.mode}`, source: sourceKey, item: m.itemId, channels: ['portal'] },
      });
    }
    return written;
  });
}

/**
 * Case notices: the fan-out from one outbox message to every person told (the portal inbox, and one
 * outbox delivery per e-mail or SMS), and each person's inbox. The fan-out is one transaction that
 * writes each inbox row and delivery once per source message and person, so the outbox may run it
 * again after any failure without telling anyone twice.
 */
export function createNoticesService(deps: NoticesDeps) {
  const { db, clock, links } = deps;
  return {
    ...appealNotices(deps),

    proactiveNotice: (m: ProactiveNoticeMessage, sourceKey: string) => proactiveNoticeOf(deps, m, sourceKey),

    /** Null when the case does not exist (the message can never be delivered). */
    async fanOut(notice: CaseNotice, sourceKey: string): Promise<FanOut | null> {
      return auditedTransaction(db, async (tx) => {
        const c = await noticesRepository.noticeCase(tx, notice.caseId);
        const submitter = c === null ? null : await noticesRepository.person(tx, c.applicantPersonId);
        if (c === null || submitter === null) {
          return null;
        }
        const recipients = noticeRecipients(await factsOf(tx, deps, c, submitter));
        const documentId = notice.kind === 'decision' ? await noticesRepository.latestDocument(tx, c.id) : null;
        const now = clock.now();
        let inboxWritten = 0;
        let deliveriesWritten = 0;
        let lettersWritten = 0;
        for (const r of recipients) {
          const url = links.applicantCase(r.language, c.id);
          const text = wording(notice, r.language, c.number, url, r.role);
          const written = await noticesRepository.insertMessage(tx, {
            id: newId(), personId: r.personId, party: r.party, caseId: c.id, caseNumber: c.number, kind: notice.kind, lang: r.language,
            subject: text.subject, body: text.text, documentId, sourceKey, createdAt: now,
          });
          inboxWritten += written ? 1 : 0;
          for (const d of r.deliveries) {
            if (d.channel === 'portal') {
              continue;
            }
            if (d.channel === 'post') {
              const letter = await lettersRepository.insert(tx, {
                id: newId(), personId: r.personId, caseId: c.id, caseNumber: c.number, organisationId: c.organisationId, lang: r.language, kind: notice.kind,
                // A decision goes by post with the sealed decision enclosed: whoever chose post may never open the portal.
                subject: text.subject, body: documentId === null ? text.text : decisionLetter(r.language, c.number, notice.decided ?? '', url).text, address: d.address, sourceKey, createdAt: now,
                documentId,
              });
              lettersWritten += letter ? 1 : 0;
              continue;
            }
            const payload: NoticeDelivery = {
              to: d.address, lang: r.language, subject: text.subject, caseId: c.id, caseNumber: c.number,
              text: d.channel === 'email' ? text.text : noticeSms(r.language, text.subject, url),
            };
            const queued = await outboxRepository.enqueue(tx, { topic: d.channel === 'email' ? NOTICE_EMAIL_TOPIC : NOTICE_SMS_TOPIC, payload, idempotencyKey: deliveryKey(sourceKey, r.personId, d.channel), availableAt: now });
            deliveriesWritten += queued ? 1 : 0;
          }
        }
        if (inboxWritten > 0 || deliveriesWritten > 0 || lettersWritten > 0) {
          await appendAudit(tx, {
            at: now, action: 'notice.sent', outcome: 'done', channel: 'system', actorPersonId: null, actingFor: null, subject: `case:${c.number}`,
            detail: { kind: notice.kind, source: sourceKey, recipients: recipients.map((r) => ({ person: r.personId, role: r.role, channels: r.deliveries.map((d) => d.channel) })) },
          });
        }
        return { recipients, inboxWritten, deliveriesWritten, lettersWritten };
      });
    },

    /** The signed-in person's messages, by party: their own first, then each party in the order of its newest message. */
    async inbox(signedIn: SignedIn): Promise<InboxParty[]> {
      const messages = await noticesRepository.messagesOf(deps.reads ?? db, signedIn.person.id, INBOX_LIMIT);
      const groups = new Map<string, { party: InboxMessage['party']; messages: InboxMessage[] }>();
      for (const m of messages) {
        const key = m.party.kind === 'self' ? 'self' : `${m.party.kind}:${m.party.id ?? ''}`;
        const group = groups.get(key) ?? { party: m.party, messages: [] };
        group.messages.push(m);
        groups.set(key, group);
      }
      const parties = [...groups.entries()].sort(([a], [b]) => Number(b === 'self') - Number(a === 'self')).map(([, g]) => g);
      return parties.map((g) => ({ ...g, unread: g.messages.filter((m) => m.readAt === null).length }));
    },

    unreadCount: (signedIn: SignedIn): Promise<number> => noticesRepository.unreadCount(deps.reads ?? db, signedIn.person.id),

    /** Opens one of the person's messages: marks it read, and a decision notice opened (the first time). */
    async open(signedIn: SignedIn, messageId: string): Promise<Result<InboxMessage, MessageNotFound>> {
      const opened = isUuid(messageId) ? await noticesRepository.open(db, signedIn.person.id, messageId, clock.now()) : null;
      return opened === null ? err(new MessageNotFound(messageId)) : ok(opened);
    },

    /** The person downloaded a decision: recorded on each notice of it in their inbox (the first time). */
    async decisionDownloaded(signedIn: SignedIn, documentId: string): Promise<void> {
      if (isUuid(documentId)) {
        await noticesRepository.downloaded(db, signedIn.person.id, documentId, clock.now());
      }
    },
  };
}

/**
 * The address block of the letter that answers an appeal, or null for no letter: the name and address
 * the appeal gave for a written answer (every appeal by post gives them, and a visitor at the desk
 * may), else the person's own postal address when they chose post for their notices.
 */
function appealLetterTo(m: AppealNoticeMessage, person: NoticePerson | null): string | null {
  const given = m.postalAddress?.trim() ?? '';
  if (given !== '') {
    const name = (m.personName ?? person?.name ?? '').trim();
    return name === '' ? given : `${name}\n${given}`;
  }
  const chosen = person === null ? undefined : deliveriesFor(person).find((d) => d.channel === 'post');
  return chosen === undefined || chosen.channel !== 'post' || person === null ? null : `${person.name}\n${chosen.address}`;
}

/** The answers to citizens' appeals and their extensions, told to the person who made them. */
function appealNotices(deps: NoticesDeps) {
  const { db, clock } = deps;
  return {
    /**
     * The answer to an appeal (or its extension) to the person who filed it: their inbox, and e-mail or
     * SMS as they asked and by post when the appeal gave an address or they chose post; an appeal that came by SMS is also
     * answered to that number, and an anonymous one only there. One transaction, each write once per
     * source message, so a retried outbox message tells no one twice.
     */
    async appealNotice(m: AppealNoticeMessage, sourceKey: string): Promise<{ inboxWritten: number; deliveriesWritten: number; lettersWritten: number }> {
      return auditedTransaction(db, async (tx) => {
        const person = m.personId === null ? null : await noticesRepository.person(tx, m.personId);
        const lang = person?.language ?? m.lang;
        const now = clock.now();
        const mail = appealNoticeEmail(lang, m.notice, m.number, m.text, m.dueOn);
        let inboxWritten = 0;
        const deliveries: Array<{ channel: 'email' | 'sms'; address: string }> = [];
        if (person !== null) {
          inboxWritten += (await noticesRepository.insertAppealMessage(tx, {
            id: newId(), personId: person.personId, personName: person.name, appealId: m.appealId, appealNumber: m.number,
            kind: m.notice === 'answered' ? 'appeal-answered' : 'appeal-extended', lang, subject: mail.subject, body: mail.text, sourceKey, createdAt: now,
          })) ? 1 : 0;
          for (const d of deliveriesFor(person)) {
            if (d.channel === 'email' || d.channel === 'sms') {
              deliveries.push({ channel: d.channel, address: d.address });
            }
          }
        }
        if (m.replyNumber !== null && !deliveries.some((d) => d.channel === 'sms' && d.address === m.replyNumber)) {
          deliveries.push({ channel: 'sms', address: m.replyNumber });
        }
        const letter = appealLetterTo(m, person);
        const lettersWritten = letter === null || m.organisationId === null || m.organisationId === undefined ? 0 : (await lettersRepository.insertForAppeal(tx, {
          id: newId(), personId: person?.personId ?? null, appealId: m.appealId, appealNumber: m.number, organisationId: m.organisationId, lang,
          kind: m.notice === 'answered' ? 'appeal-answered' : 'appeal-extended', subject: mail.subject, body: mail.text, address: letter, sourceKey, createdAt: now,
        })) ? 1 : 0;
        let deliveriesWritten = 0;
        for (const d of deliveries) {
          const payload: AppealDelivery = { to: d.address, lang, subject: mail.subject, appealNumber: m.number, text: d.channel === 'email' ? mail.text : appealNoticeSms(lang, m.notice, m.number, m.text, m.dueOn) };
          const key = `${deliveryKey(sourceKey, person?.personId ?? 'anonymous', d.channel)}:${d.address}`;
          deliveriesWritten += (await outboxRepository.enqueue(tx, { topic: d.channel === 'email' ? APPEAL_EMAIL_TOPIC : APPEAL_SMS_TOPIC, payload, idempotencyKey: key, availableAt: now })) ? 1 : 0;
        }
        if (inboxWritten > 0 || deliveriesWritten > 0 || lettersWritten > 0) {
          await appendAudit(tx, {
            at: now, action: 'notice.sent', outcome: 'done', channel: 'system', actorPersonId: null, actingFor: null, subject: `appeal:${m.number}`,
            detail: {
              kind: `appeal-${m.notice}`, source: sourceKey, person: m.personId,
              channels: [...(person === null ? [] : ['portal']), ...deliveries.map((d) => d.channel), ...(lettersWritten > 0 ? ['post'] : [])],
            },
          });
        }
        return { inboxWritten, deliveriesWritten, lettersWritten };
      });
    },

  };
}

export type NoticesService = ReturnType<typeof createNoticesService>;
