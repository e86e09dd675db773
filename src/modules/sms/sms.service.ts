import { isUuid } from '../../kernel/ids.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import { appendAudit, auditedTransaction } from '../../platform/audit/audit.ts';
import type { Database, Queryable } from '../../platform/db/database.ts';
import { delivered, type DeliveryOutcome, type OutboxHandler, outboxRepository, rejected, retryLater } from '../../platform/outbox/index.ts';
import type { RateLimiter, RateRule } from '../../platform/rate-limit/index.ts';
import { newId } from '../../platform/security/tokens.ts';
import { isE164, type SmsItem, type SmsSender, smsSegments } from '../channels/sms/index.ts';
import { headerValue, SIGNATURE_HEADER, verifyBody } from '../payments/index.ts';
import { type AnswerDeps, answerSms, replyLang } from './sms-answers.service.ts';
import { parseSms, type SmsCommand } from './sms-commands.ts';
import { appealFiledText, plainForSms } from './sms-replies.ts';
import type { AppealsService } from '../appeals/index.ts';
import { SmsSignatureInvalid, SmsWebhookMalformed, type SmsWebhookRefusal, SmsWebhookStale } from './sms.errors.ts';
import { type SmsPurpose, type SmsRow, smsRepository } from './sms.repository.ts';
import { type InboundSms, type Parsed, parseInbound, parseReceipt, withinWindow } from './sms-webhooks.ts';

/** The outbox topic of an SMS the portal wrote (`{ messageId }`); its idempotency key is the message's gateway reference. */
export const SMS_SEND_TOPIC = 'sms.send';
/** Messages a number may send in a minute before the portal stops answering (the rest are recorded, not answered). */
export const DEFAULT_INBOUND_RULE: RateRule = { max: 10, windowSeconds: 60 };

export type InboundOutcome = 'answered' | 'duplicate' | 'limited';
export type ReceiptOutcome = 'applied' | 'unchanged' | 'unknown';
type Headers = Record<string, string | string[] | undefined>;

export interface SmsServiceDeps extends AnswerDeps {
  readonly db: Database;
  readonly limiter: RateLimiter;
  /** The HMAC secret the gateway signs its webhooks with (SMS_WEBHOOK_SECRET). */
  readonly webhookSecret: string;
  readonly inboundRule?: RateRule;
  /** Files ASK, COMPLAIN, SUGGEST and COMMEND as citizens' appeals, in the transaction that stores the message. */
  readonly appeals: Pick<AppealsService, 'fileBySms'>;
}

/** The commands that file an appeal, and its kind: ASK a request, COMPLAIN a complaint, SUGGEST a proposal, COMMEND a commendation. */
const APPEAL_KIND = { ask: 'request', complain: 'complaint', suggest: 'proposal', commend: 'commendation' } as const;

function appealOf(command: SmsCommand): { kind: (typeof APPEAL_KIND)[keyof typeof APPEAL_KIND]; text: string } | null {
  const kind = Object.hasOwn(APPEAL_KIND, command.kind) ? APPEAL_KIND[command.kind as keyof typeof APPEAL_KIND] : null;
  return kind === null || !('argument' in command) || command.argument === '' ? null : { kind, text: command.argument };
}

/**
 * The portal's SMS conversation: messages from phones (signed webhooks from the gateway) answered
 * through the outbox, delivery receipts, the opt-out of STOP and START, and the record of every SMS
 * the portal sends with its encoding and segments.
 */
export function createSmsService(deps: SmsServiceDeps) {
  const { db } = deps;
  return {
    /**
     * A message from a phone. A repeated webhook (the gateway's message id seen before) changes
     * nothing; a number over its rate limit is recorded and not answered; any other message is
     * recorded with the command read from it and answered through the outbox in the same transaction.
     */
    async inbound(headers: Headers, raw: string): Promise<Result<InboundOutcome, SmsWebhookRefusal>> {
      const checked = check(deps, headers, raw, parseInbound);
      return checked.ok ? ok(await receive(deps, checked.value)) : checked;
    },

    /**
     * A delivery receipt: moves the message it names (by the reference the portal gave the gateway) to
     * delivered or failed. A receipt for no message of the portal, or one that would undo a delivery,
     * changes nothing.
     */
    async receipt(headers: Headers, raw: string): Promise<Result<ReceiptOutcome, SmsWebhookRefusal>> {
      const checked = check(deps, headers, raw, parseReceipt);
      if (!checked.ok) {
        return checked;
      }
      const r = checked.value;
      return db.transaction(async (tx) => {
        const m = await smsRepository.byReference(tx, r.reference, { lock: true });
        if (m === null) {
          return ok('unknown' as const);
        }
        const from = r.status === 'delivered' ? (['queued', 'sent', 'failed'] as const) : (['queued', 'sent'] as const);
        const moved = await smsRepository.move(tx, m.id, r.status, from, deps.clock.now(), { failure: r.error, gatewayMessageId: r.messageId });
        return ok(moved ? ('applied' as const) : ('unchanged' as const));
      });
    },

    /** The outbox handler that sends the messages this service queued (replies go even after STOP; notices do not). */
    handlers(sender: SmsSender): Record<string, OutboxHandler> {
      return {
        [SMS_SEND_TOPIC]: async (payload) => {
          const id = typeof payload === 'object' && payload !== null ? (payload as { messageId?: unknown }).messageId : undefined;
          const m = typeof id === 'string' && isUuid(id) ? await smsRepository.byId(db, id) : null;
          if (m === null || m.reference === null) {
            return rejected('no such SMS message');
          }
          const optedOut = m.purpose === 'notice' && (await smsRepository.isOptedOut(db, m.number));
          return (await deliverMany(deps, [{ ...m, optedOut }], sender))[0] ?? rejected('no such SMS message');
        },
      };
    },

    /**
     * The SMS channel for notices the portal sends on its own (one-time codes, case notices): each is
     * recorded with its encoding and segments under its idempotency key, and not sent to a number that
     * sent STOP (recorded as suppressed and done).
     */
    noticeSender(sender: SmsSender): SmsSender {
      const sendMany = async (items: readonly SmsItem[]): Promise<DeliveryOutcome[]> => {
        const outcomes: Array<DeliveryOutcome | null> = items.map(() => null);
        // A number that is not E.164 is refused by the channel: nothing to record.
        const refused = items.map((item, at) => ({ item, at })).filter(({ item }) => !isE164(item.message.to));
        (await sender.sendMany(refused.map((r) => r.item))).forEach((o, i) => {
          outcomes[refused[i]?.at ?? -1] = o;
        });
        const notices = items.map((item, at) => ({ item, at })).filter(({ item }) => isE164(item.message.to));
        const records = await recordNotices(deps, notices.map((n) => n.item));
        const sent = await deliverMany(deps, notices.map((n) => records.get(n.item.idempotencyKey) ?? null), sender);
        sent.forEach((o, i) => {
          outcomes[notices[i]?.at ?? -1] = o;
        });
        return outcomes.map((o) => o ?? rejected('the SMS record was not kept'));
      };
      return {
        sendMany,
        send: async (message, idempotencyKey) => (await sendMany([{ message, idempotencyKey }]))[0] ?? rejected('the SMS record was not kept'),
      };
    },

    /** A number's latest messages both ways, oldest first. */
    conversation: (number: string, limit = 50): Promise<SmsRow[]> => smsRepository.conversation(db, number, limit),
  };
}

export type SmsService = ReturnType<typeof createSmsService>;

/** The signature over the exact body, then the body's fields, then its time: each refusal before any effect. */
function check<T extends { at: Date }>(deps: SmsServiceDeps, headers: Headers, raw: string, parse: (raw: string) => Parsed<T>): Result<T, SmsWebhookRefusal> {
  const signature = headerValue(headers, SIGNATURE_HEADER);
  if (signature === null || !verifyBody(deps.webhookSecret, raw, signature)) {
    return err(new SmsSignatureInvalid());
  }
  const parsed = parse(raw);
  if (!parsed.ok) {
    return err(new SmsWebhookMalformed(parsed.pointer));
  }
  return withinWindow(parsed.value.at, deps.clock.now()) ? ok(parsed.value) : err(new SmsWebhookStale(parsed.value.at));
}

/** Stores a checked message from a phone and answers it (see `inbound`). */
async function receive(deps: SmsServiceDeps, m: InboundSms): Promise<InboundOutcome> {
  const { db, clock } = deps;
  if (await smsRepository.inboundExists(db, m.messageId)) {
    return 'duplicate';
  }
  const parsed = parseSms(m.text);
  const { encoding, segments } = smsSegments(m.text);
  const argument = 'argument' in parsed.command ? parsed.command.argument : null;
  const inbound = { id: newId(), number: m.from, text: m.text, encoding, segments, command: parsed.command.kind, argument, gatewayMessageId: m.messageId, at: clock.now() };
  if (!(await deps.limiter.hit(`sms-in:${m.from}`, deps.inboundRule ?? DEFAULT_INBOUND_RULE)).allowed) {
    return (await smsRepository.insertInbound(db, { ...inbound, status: 'limited' })) ? 'limited' : 'duplicate';
  }
  const lang = replyLang(parsed, m.text);
  const appeal = appealOf(parsed.command);
  const holder = appeal === null ? null : await deps.holders.holderOf(m.from);
  let reply = appeal === null ? await answerSms(deps, parsed.command, lang, m.from) : '';
  return auditedTransaction(db, async (tx) => {
    if (!(await smsRepository.insertInbound(tx, { ...inbound, status: 'received' }))) {
      return 'duplicate';
    }
    if (appeal !== null) {
      const person = holder === null ? null : { id: holder.person.id, name: `${holder.person.givenName} ${holder.person.familyName}` };
      const filed = await deps.appeals.fileBySms(tx, { kind: appeal.kind, text: appeal.text, person, number: m.from, lang, smsMessageId: inbound.id });
      reply = plainForSms(lang, appealFiledText(lang, appeal.kind, filed.number, filed.dueOn, person !== null));
    }
    const kind = parsed.command.kind;
    const changed = kind === 'stop' ? await smsRepository.optOut(tx, m.from, inbound.at) : kind === 'start' ? await smsRepository.optIn(tx, m.from) : false;
    if (changed) {
      await appendAudit(tx, { at: inbound.at, action: kind === 'stop' ? 'sms.opt-out' : 'sms.opt-in', outcome: 'done', channel: 'sms', actorPersonId: null, actingFor: null, subject: `sms:${inbound.id}`, detail: {} });
    }
    await queue(deps, tx, { number: m.from, text: reply, purpose: 'reply', replyTo: inbound.id });
    return 'answered';
  });
}

/** Writes an outgoing message and its outbox row in the caller's transaction. */
async function queue(deps: SmsServiceDeps, tx: Queryable, m: { number: string; text: string; purpose: SmsPurpose; replyTo: string | null }): Promise<void> {
  const id = newId();
  const reference = `sms:${id}`;
  const { encoding, segments } = smsSegments(m.text);
  const now = deps.clock.now();
  await smsRepository.insertOutgoing(tx, { id, number: m.number, text: m.text, encoding, segments, status: 'queued', purpose: m.purpose, replyTo: m.replyTo, reference, at: now });
  await outboxRepository.enqueue(tx, { topic: SMS_SEND_TOPIC, payload: { messageId: id }, idempotencyKey: reference, availableAt: now });
}

/**
 * Records notices in one statement (each once per key; see `smsRepository.recordNotices`) and answers
 * each record with the opt-out of its number, by key. A record missing from that answer (committed by
 * a concurrent attempt meanwhile) is read on its own.
 */
async function recordNotices(deps: SmsServiceDeps, items: readonly SmsItem[]): Promise<Map<string, SmsRow & { optedOut: boolean }>> {
  const { db } = deps;
  const rows = await smsRepository.recordNotices(db, items.map(({ message, idempotencyKey }) => {
    const { encoding, segments } = smsSegments(message.text);
    return { id: newId(), number: message.to, text: message.text, encoding, segments, reference: idempotencyKey };
  }), deps.clock.now());
  const byKey = new Map(rows.map((r) => [r.reference ?? r.id, r]));
  for (const { idempotencyKey } of items.filter((i) => !byKey.has(i.idempotencyKey))) {
    const m = await smsRepository.byReference(db, idempotencyKey);
    if (m !== null) {
      byKey.set(idempotencyKey, { ...m, optedOut: await smsRepository.isOptedOut(db, m.number) });
    }
  }
  return byKey;
}

/**
 * One attempt at each of several outgoing messages (`null`: no record, rejected): once sent a message is
 * not sent again; a notice to an opted-out number is suppressed. The rest go to the gateway together,
 * and the ones it accepted are marked sent together, after it answered.
 */
async function deliverMany(deps: SmsServiceDeps, messages: ReadonlyArray<(SmsRow & { optedOut: boolean }) | null>, sender: SmsSender): Promise<DeliveryOutcome[]> {
  const { db, clock } = deps;
  const outcomes: DeliveryOutcome[] = messages.map(() => delivered());
  const toSend: Array<{ m: SmsRow; at: number }> = [];
  for (const [at, m] of messages.entries()) {
    if (m === null) {
      outcomes[at] = rejected('the SMS record was not kept');
    } else if (m.status === 'failed') {
      outcomes[at] = rejected(m.failure ?? 'the gateway refused the message');
    } else if (m.status !== 'queued') {
      continue; // suppressed, sent or delivered: done before
    } else if (m.purpose === 'notice' && m.optedOut) {
      await smsRepository.move(db, m.id, 'suppressed', ['queued'], clock.now());
    } else {
      toSend.push({ m, at });
    }
  }
  if (toSend.length === 0) {
    return outcomes;
  }
  const sent = await sender.sendMany(toSend.map(({ m }) => ({ message: { to: m.number, text: m.text }, idempotencyKey: m.reference ?? m.id })));
  const accepted: string[] = [];
  for (const [i, { m, at }] of toSend.entries()) {
    const outcome = sent[i] ?? retryLater('the gateway gave no outcome for this message');
    outcomes[at] = outcome;
    if (outcome.kind === 'delivered') {
      accepted.push(m.id);
    } else if (outcome.kind === 'rejected') {
      await smsRepository.move(db, m.id, 'failed', ['queued', 'sent'], clock.now(), { failure: outcome.reason.slice(0, 500) });
    }
  }
  await smsRepository.moveMany(db, accepted, 'sent', ['queued'], clock.now());
  return outcomes;
}
