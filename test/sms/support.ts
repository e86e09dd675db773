/**
 * A portal for the SMS tests (the cases tests' portal: demo catalogue and registers, a clock the test
 * moves, personas signed in by the factory) and a phone that talks to it through the gateway's signed webhook.
 */
import { randomUUID } from 'node:crypto';

import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

import { DEVELOPMENT_SMS_WEBHOOK_SECRET } from '../../src/app/config.ts';
import { createSmsSimulator, type SmsSimulator } from '../../src/dev/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { SIGNATURE_HEADER, signatureHeaderValue } from '../../src/modules/payments/index.ts';
import type { SmsRow } from '../../src/modules/sms/index.ts';
import { createOutboxWorker } from '../../src/platform/outbox/index.ts';
import { type CasesApp, casesApp } from '../cases/support.ts';

export const SECRET = DEVELOPMENT_SMS_WEBHOOK_SECRET;

export interface SmsApp extends CasesApp {
  /** The gateway's side of the SMS channel: what the outbox worker sent. */
  readonly gateway: SmsSimulator;
  /** Runs the outbox worker until nothing is due (the SMS service's own messages); answers how many it handled. */
  deliver(): Promise<number>;
}

export async function smsApp(day: `${number}-${number}-${number}`): Promise<SmsApp> {
  const t = await casesApp(day);
  const gateway = createSmsSimulator();
  const worker = createOutboxWorker({ db: t.services.db, clock: t.clock, workerId: 'sms-test', handlers: t.services.sms.handlers(gateway) });
  const deliver = async () => {
    let total = 0;
    for (let n = await worker.runOnce(); n > 0; n = await worker.runOnce()) {
      total += n;
    }
    return total;
  };
  return Object.assign(t, { gateway, deliver });
}

/** The signature header the gateway sends for a body. */
export const signed = (body: string, secret = SECRET) => ({ 'content-type': 'application/json', [SIGNATURE_HEADER.toLowerCase()]: signatureHeaderValue(secret, body) });

/** Posts a body to one of the gateway's webhooks, with the headers given. */
export const post = (t: SmsApp, path: 'inbound' | 'receipts', body: string, headers: Record<string, string>): Promise<LightMyRequestResponse> =>
  t.app.inject({ method: 'POST', url: `/api/v1/sms/${path}`, headers, payload: body });

/** A phone sends a text: the signed webhook as the gateway posts it; answers the HTTP response and the portal's reply (if any). */
export async function text(t: SmsApp, from: string, message: string, o: { messageId?: string } = {}): Promise<{ status: number; outcome: string; reply: SmsRow | null }> {
  const messageId = o.messageId ?? `gw-${randomUUID()}`;
  const body = JSON.stringify({ messageId, from, text: message, at: t.clock.now().toISOString() });
  const res = await post(t, 'inbound', body, signed(body));
  const conversation = await t.services.sms.conversation(from, 500);
  const inbound = conversation.find((m) => m.direction === 'in' && m.gatewayMessageId === messageId);
  const reply = conversation.find((m) => m.direction === 'out' && inbound !== undefined && m.replyTo === inbound.id) ?? null;
  return { status: res.statusCode, outcome: String(res.json<{ outcome?: string }>().outcome), reply };
}

/** Confirms a telephone number for a person the way the contacts page does: a code by SMS, entered back. */
export async function confirmPhone(t: SmsApp, person: SignedIn, phone: string): Promise<void> {
  t.clock.set(new Date(t.clock.now().getTime() + 61_000)); // past the wait between two codes to one number
  expect((await t.services.contacts.requestCode(person, 'sms', phone, 'uk', null)).ok).toBe(true);
  const [latest] = await t.services.db.query<{ id: string }>("SELECT id FROM contact_verifications WHERE person_id = $1 AND channel = 'sms' ORDER BY created_at DESC LIMIT 1", [person.person.id]);
  expect((await t.services.contacts.confirm(person, 'sms', t.services.contacts.codeFor(latest?.id ?? ''))).ok).toBe(true);
  expect((await t.services.contacts.details(person.person.id)).phoneVerified).toBe(true);
}

/** Rows of the SMS and outbox tables: a refused webhook must leave both as they were. */
export async function counts(t: SmsApp): Promise<{ sms: number; outbox: number; optOuts: number }> {
  const [row] = await t.services.db.query<{ sms: number; outbox: number; opt_outs: number }>(
    'SELECT (SELECT count(*)::int FROM sms_messages) AS sms, (SELECT count(*)::int FROM outbox) AS outbox, (SELECT count(*)::int FROM sms_opt_outs) AS opt_outs',
  );
  return { sms: row?.sms ?? -1, outbox: row?.outbox ?? -1, optOuts: row?.opt_outs ?? -1 };
}
