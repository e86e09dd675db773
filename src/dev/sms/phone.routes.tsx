import { randomUUID } from 'node:crypto';

import type { FastifyInstance, FastifyReply } from 'fastify';
import { renderToString } from 'preact-render-to-string';

import type { Clock } from '../../kernel/clock.ts';
import { isE164 } from '../../modules/channels/sms/index.ts';
import { SIGNATURE_HEADER, signatureHeaderValue } from '../../modules/payments/index.ts';
import type { SmsRow, SmsService } from '../../modules/sms/index.ts';
import { fromOwnSite } from '../../platform/http/own-site.ts';
import { PUBLIC } from '../../web/common/route-table.ts';

export interface SmsPhoneDeps {
  readonly sms: SmsService;
  readonly clock: Clock;
  /** The secret the gateway signs webhooks with (the portal's SMS_WEBHOOK_SECRET). */
  readonly webhookSecret: string;
}

const PATH = '/dev/sms/phone';
const MAX_TEXT = 1000;

/**
 * Development only (registered with the local message stand-ins, never in production): a phone in the
 * browser. A developer types a number and a message; the page posts it to the portal's own inbound
 * webhook, signed as the gateway signs it, and shows the conversation with that number — the replies
 * with their encoding, segments and status (queued until the outbox worker hands them to the gateway).
 * Public and without a session's CSRF token (any number may be typed); a form posted from another
 * site (its Origin is not this portal's) is refused.
 */
export function registerSmsPhone(app: FastifyInstance, deps: SmsPhoneDeps): void {
  const config = { auth: PUBLIC };
  app.get(PATH, { config, schema: { hide: true } }, async (request, reply) => {
    const raw = (request.query as Record<string, unknown>)['number'];
    const number = typeof raw === 'string' && isE164(raw) ? raw : '';
    const messages = number === '' ? [] : await deps.sms.conversation(number);
    return page(reply, 200, { number, text: '', problem: null, messages });
  });
  app.post(PATH, { config, schema: { hide: true } }, async (request, reply) => {
    if (!fromOwnSite(request)) {
      return page(reply, 403, { number: '', text: '', problem: 'This form may only be sent from this portal’s own page.', messages: [] });
    }
    const body = (request.body ?? {}) as Record<string, unknown>;
    const number = typeof body['number'] === 'string' ? body['number'].trim() : '';
    const text = typeof body['text'] === 'string' ? body['text'] : '';
    if (!isE164(number) || text.trim() === '' || text.length > MAX_TEXT) {
      const problem = !isE164(number) ? 'Enter the number in international format, like +380501234567' : 'Enter a message of at most 1000 characters';
      return page(reply, 400, { number, text, problem, messages: isE164(number) ? await deps.sms.conversation(number) : [] });
    }
    const payload = JSON.stringify({ messageId: `dev-${randomUUID()}`, from: number, text, at: deps.clock.now().toISOString() });
    const sent = await request.server.inject({
      method: 'POST', url: '/api/v1/sms/inbound', payload,
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signatureHeaderValue(deps.webhookSecret, payload) },
    });
    if (sent.statusCode !== 200) {
      return page(reply, 400, { number, text, problem: `The webhook refused the message: ${sent.statusCode} ${sent.body.slice(0, 200)}`, messages: await deps.sms.conversation(number) });
    }
    return reply.redirect(`${PATH}?number=${encodeURIComponent(number)}`, 303);
  });
}

interface View {
  readonly number: string;
  readonly text: string;
  readonly problem: string | null;
  readonly messages: readonly SmsRow[];
}

function page(reply: FastifyReply, status: number, v: View): FastifyReply {
  const html = (
    <html lang="en">
      <head><meta charSet="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>SMS phone (development) — Portico</title></head>
      <body style="font-family: sans-serif; max-width: 40rem; margin: 0 auto; padding: 1rem; overflow-wrap: anywhere">
        <main id="main">
          <h1>SMS phone (development)</h1>
          <p>Send a text as a phone would: it goes to the portal’s inbound webhook, signed as the gateway signs it. Try <code>HELP</code>, <code>STATUS 2026-000001</code>, <code>ЦНАП Зореград</code>, <code>STOP</code>.</p>
          {v.problem === null ? null : <p role="alert" id="problem"><strong>{v.problem}</strong></p>}
          <form method="post" action={PATH}>
            <p><label for="number">Number</label><br /><input id="number" name="number" type="tel" autocomplete="off" value={v.number} required /></p>
            <p><label for="text">Message</label><br /><textarea id="text" name="text" rows={3} maxLength={MAX_TEXT} required style="width: 100%">{v.text}</textarea></p>
            <p><button type="submit">Send</button></p>
          </form>
          {v.number === '' ? null : (
            <section aria-labelledby="conversation">
              <h2 id="conversation">Conversation with {v.number}</h2>
              {v.messages.length === 0 ? <p>No messages yet.</p> : (
                <ol>
                  {v.messages.map((m) => (
                    <li key={m.id}>
                      <strong>{m.direction === 'in' ? 'Phone' : 'Portal'}</strong> ({m.status}, {m.encoding}, {m.segments} {m.segments === 1 ? 'segment' : 'segments'}{m.command === null ? '' : `, ${m.command}`}):
                      <pre style="white-space: pre-wrap">{m.text}</pre>
                    </li>
                  ))}
                </ol>
              )}
              <p><a href={`${PATH}?number=${encodeURIComponent(v.number)}`}>Refresh</a> · <a href="/dev/messages">Messages the gateway simulator received</a></p>
            </section>
          )}
        </main>
      </body>
    </html>
  );
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(`<!doctype html>${renderToString(html)}`);
}
