import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildHttp } from '../../src/app/http.ts';
import { smsSegments } from '../../src/modules/channels/sms/index.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { WEBHOOK_WINDOW_SECONDS } from '../../src/modules/sms/index.ts';
import { counts, post, signed, type SmsApp, smsApp, text } from './support.ts';

let t: SmsApp;
const PHONE = '+380501230001';

beforeAll(async () => {
  t = await smsApp('2026-09-01');
});
afterAll(async () => t.close());

const inboundBody = (over: Record<string, unknown> = {}) => JSON.stringify({ messageId: 'gw-in-1', from: PHONE, text: 'HELP', at: t.clock.now().toISOString(), ...over });

describe('the inbound webhook refuses what the gateway did not sign, with no effect', () => {
  it('no signature, a wrong one, one under another secret, a signature sent twice: 401 problem+json, nothing stored', async () => {
    const before = await counts(t);
    const body = inboundBody();
    const attempts = [
      { 'content-type': 'application/json' },
      { 'content-type': 'application/json', 'x-portico-signature': `sha256=${'0'.repeat(64)}` },
      signed(body, 'another-secret-of-the-same-kind-0123456789'),
      { 'content-type': 'application/json', 'x-portico-signature': 'not-a-signature' },
    ];
    for (const headers of attempts) {
      const res = await post(t, 'inbound', body, headers);
      expect([res.statusCode, res.headers['content-type']]).toEqual([401, 'application/problem+json; charset=utf-8']);
      expect(res.json()).toMatchObject({ status: 401, code: 'sms.signature_invalid' });
    }
    // The signature covers the exact bytes: the same JSON re-spaced is another body.
    const res = await post(t, 'inbound', body.replace('"HELP"', ' "HELP"'), signed(body));
    expect(res.statusCode).toBe(401);
    expect(await counts(t)).toEqual(before);
  });

  it('a signed body that is not a message of the protocol: 400 naming the field, nothing stored', async () => {
    const before = await counts(t);
    const cases: Array<[string, string]> = [
      ['not json', ''],
      ['[1, 2]', ''],
      [inboundBody({ from: '0501230001' }), '/from'],
      [inboundBody({ from: undefined }), '/from'],
      [inboundBody({ messageId: '' }), '/messageId'],
      [inboundBody({ text: 42 }), '/text'],
      [inboundBody({ text: 'NUL \u0000 inside' }), '/text'],
      [inboundBody({ text: 'lone \ud800 surrogate' }), '/text'],
      [inboundBody({ at: '2026-09-01 09:00' }), '/at'],
    ];
    for (const [body, pointer] of cases) {
      const res = await post(t, 'inbound', body, signed(body));
      expect([res.statusCode, res.json()]).toMatchObject([400, { code: 'sms.webhook_malformed', errors: [{ pointer: pointer || '/' }] }]);
    }
    expect(await counts(t)).toEqual(before);
  });

  it(`a signed message from more than ${WEBHOOK_WINDOW_SECONDS} s ago or ahead (a replay): 401, nothing stored`, async () => {
    const before = await counts(t);
    for (const offset of [-(WEBHOOK_WINDOW_SECONDS + 1), WEBHOOK_WINDOW_SECONDS + 1]) {
      const body = inboundBody({ at: new Date(t.clock.now().getTime() + offset * 1000).toISOString() });
      const res = await post(t, 'inbound', body, signed(body));
      expect([res.statusCode, res.json()]).toMatchObject([401, { code: 'sms.webhook_stale' }]);
    }
    expect(await counts(t)).toEqual(before);
    const edge = inboundBody({ at: new Date(t.clock.now().getTime() - WEBHOOK_WINDOW_SECONDS * 1000).toISOString(), messageId: 'gw-edge' });
    expect((await post(t, 'inbound', edge, signed(edge))).statusCode).toBe(200);
  });

  it('a repeated webhook (the same gateway message id) is answered once', async () => {
    const first = await text(t, PHONE, 'HELP', { messageId: 'gw-repeat' });
    const again = await text(t, PHONE, 'HELP', { messageId: 'gw-repeat' });
    expect([first.outcome, again.outcome]).toEqual(['answered', 'duplicate']);
    const replies = (await t.services.sms.conversation(PHONE, 500)).filter((m) => m.replyTo !== null && m.replyTo === first.reply?.replyTo);
    expect(replies).toHaveLength(1);
  });
});

describe('delivery receipts', () => {
  const receipt = (reference: string, over: Record<string, unknown> = {}) =>
    JSON.stringify({ messageId: 'gw-out-77', reference, status: 'delivered', at: t.clock.now().toISOString(), ...over });
  const statusOf = async (id: string) => (await t.services.sms.conversation(PHONE, 500)).find((m) => m.id === id);

  it('a reply is queued with its encoding and segments; the worker sends it; a signed receipt marks it delivered', async () => {
    const { reply } = await text(t, PHONE, 'HELP');
    expect(reply).toMatchObject({ direction: 'out', purpose: 'reply', status: 'queued', encoding: 'gsm7' });
    expect(reply?.segments).toBe(smsSegments(reply?.text ?? '').segments);
    expect(reply?.segments).toBeGreaterThan(0);
    await t.deliver();
    expect(t.gateway.messages().filter((m) => m.reference === reply?.reference).map((m) => [m.to, m.text])).toEqual([[PHONE, reply?.text]]);
    expect((await statusOf(reply?.id ?? ''))?.status).toBe('sent');

    const body = receipt(reply?.reference ?? '');
    const unsigned = await post(t, 'receipts', body, { 'content-type': 'application/json' });
    expect([unsigned.statusCode, (await statusOf(reply?.id ?? ''))?.status]).toEqual([401, 'sent']);
    const malformed = receipt(reply?.reference ?? '', { status: 'read' });
    const refused = await post(t, 'receipts', malformed, signed(malformed));
    expect([refused.statusCode, refused.json(), (await statusOf(reply?.id ?? ''))?.status]).toMatchObject([400, { code: 'sms.webhook_malformed', errors: [{ pointer: '/status' }] }, 'sent']);

    const res = await post(t, 'receipts', body, signed(body));
    expect([res.statusCode, res.json()]).toEqual([200, { outcome: 'applied' }]);
    expect(await statusOf(reply?.id ?? '')).toMatchObject({ status: 'delivered', gatewayMessageId: 'gw-out-77', statusAt: t.clock.now() });
    // A late "failed" does not undo a delivery; a repeated receipt changes nothing.
    const late = receipt(reply?.reference ?? '', { status: 'failed', error: 'late' });
    expect((await post(t, 'receipts', late, signed(late))).json()).toEqual({ outcome: 'unchanged' });
    expect((await statusOf(reply?.id ?? ''))?.status).toBe('delivered');
  });

  it('a "failed" receipt marks a sent message failed, with the reason; a receipt for no message of the portal changes nothing', async () => {
    const { reply } = await text(t, PHONE, 'ДОПОМОГА');
    expect(reply).toMatchObject({ encoding: 'ucs2' });
    expect(reply?.segments).toBe(smsSegments(reply?.text ?? '').segments);
    expect(reply?.segments).toBeGreaterThan(1);
    await t.deliver();
    const failed = receipt(reply?.reference ?? '', { status: 'failed', error: 'handset unreachable', messageId: 'gw-out-78' });
    expect((await post(t, 'receipts', failed, signed(failed))).json()).toEqual({ outcome: 'applied' });
    expect(await statusOf(reply?.id ?? '')).toMatchObject({ status: 'failed', failure: 'handset unreachable' });
    const before = await counts(t);
    const unknown = receipt('sms:00000000-0000-4000-8000-000000000000');
    expect((await post(t, 'receipts', unknown, signed(unknown))).json()).toEqual({ outcome: 'unknown' });
    expect(await counts(t)).toEqual(before);
  });
});

describe('the development phone page (registered with the local stand-ins only)', () => {
  it('sends a text through the signed inbound webhook and shows the conversation with its replies', async () => {
    const { app } = await buildHttp(t.services, createLogger('silent'), { devMessages: { mails: () => [], sms: () => [] } });
    try {
      await app.ready();
      expect((await t.app.inject({ url: '/dev/sms/phone' })).statusCode).toBe(404); // not in a portal without the stand-ins
      const empty = await app.inject({ url: '/dev/sms/phone' });
      expect([empty.statusCode, empty.body.includes('<form method="post" action="/dev/sms/phone">')]).toEqual([200, true]);

      const phone = '+380501230055';
      const form = { 'content-type': 'application/x-www-form-urlencoded' };
      const sent = await app.inject({ method: 'POST', url: '/dev/sms/phone', headers: { ...form, origin: 'http://localhost:80', host: 'localhost:80' }, payload: new URLSearchParams({ number: phone, text: 'ЦНАП Лиманськ' }).toString() });
      expect([sent.statusCode, sent.headers.location]).toEqual([303, `/dev/sms/phone?number=${encodeURIComponent(phone)}`]);
      const conversation = await t.services.sms.conversation(phone);
      expect(conversation.map((m) => [m.direction, m.status, m.command])).toEqual([['in', 'received', 'centre'], ['out', 'queued', null]]);
      expect(conversation[0]?.gatewayMessageId).toMatch(/^dev-/);
      const shown = await app.inject({ url: String(sent.headers.location) });
      expect(shown.body).toContain('Conversation with +380501230055');
      expect(shown.body).toContain('Центр надання адміністративних послуг');
      expect(shown.body).toContain(`(queued, ucs2, ${conversation[1]?.segments} segments)`);

      const before = await counts(t);
      const foreign = await app.inject({ method: 'POST', url: '/dev/sms/phone', headers: { ...form, origin: 'https://elsewhere.example', host: 'localhost:80' }, payload: `number=${encodeURIComponent(phone)}&text=STOP` });
      // Chromium says `Origin: null` under the portal's no-referrer policy; Sec-Fetch-Site then tells where the form came from.
      const crossSite = await app.inject({ method: 'POST', url: '/dev/sms/phone', headers: { ...form, origin: 'null', 'sec-fetch-site': 'cross-site', host: 'localhost:80' }, payload: `number=${encodeURIComponent(phone)}&text=STOP` });
      const badNumber = await app.inject({ method: 'POST', url: '/dev/sms/phone', headers: form, payload: 'number=0501230055&text=HELP' });
      expect([foreign.statusCode, crossSite.statusCode, badNumber.statusCode]).toEqual([403, 403, 400]);
      expect(await counts(t)).toEqual(before);
      const ownPage = await app.inject({ method: 'POST', url: '/dev/sms/phone', headers: { ...form, origin: 'null', 'sec-fetch-site': 'same-origin', host: 'localhost:80' }, payload: `number=${encodeURIComponent(phone)}&text=HELP` });
      expect(ownPage.statusCode).toBe(303);
    } finally {
      await app.close();
    }
  });
});
