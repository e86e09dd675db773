import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

import { readBody } from '../read-body.ts';
import { delivered, type DeliveryOutcome, rejected, retryLater } from '../../platform/outbox/delivery-outcome.ts';
import { isE164 } from '../../modules/channels/sms/index.ts';
import type { SmsMessage, SmsSender } from '../../modules/channels/sms/index.ts';

export interface SentSms {
  readonly to: string;
  readonly text: string;
  /** The idempotency key (the gateway protocol's `reference`). */
  readonly reference: string;
  readonly sender: string | null;
  readonly at: Date;
}

export interface SmsSimulator extends SmsSender {
  /** Every message sent, oldest first; a repeated key is recorded once. */
  messages(): SentSms[];
  /** The latest message to a number (tests read one-time codes this way). */
  last(to: string): SentSms | undefined;
  /** The next `n` sends answer `retry` without recording anything. */
  failNext(n: number, reason?: string): void;
  clear(): void;
}

/** An in-memory `SmsSender` for tests: records, dedupes by idempotency key, fails on request. */
export function createSmsSimulator(): SmsSimulator {
  const sent: SentSms[] = [];
  const seen = new Set<string>();
  let failures = 0;
  let failure = 'simulated gateway failure';
  return {
    async send(message: SmsMessage, idempotencyKey: string): Promise<DeliveryOutcome> {
      if (failures > 0) {
        failures--;
        return retryLater(failure);
      }
      if (!isE164(message.to)) {
        return rejected(`not an E.164 number: ${message.to}`);
      }
      if (!seen.has(idempotencyKey)) {
        seen.add(idempotencyKey);
        sent.push({ to: message.to, text: message.text, reference: idempotencyKey, sender: null, at: new Date() });
      }
      return delivered();
    },
    messages: () => [...sent],
    last: (to) => sent.findLast((m) => m.to === to),
    failNext(n, reason = 'simulated gateway failure') {
      failures = n;
      failure = reason;
    },
    clear() {
      sent.length = 0;
      seen.clear();
      failures = 0;
    },
  };
}

export interface SmsGatewaySimulator {
  readonly port: number;
  /** The endpoint to configure in the HTTP gateway adapter. */
  readonly url: string;
  messages(): SentSms[];
  last(to: string): SentSms | undefined;
  /** The next `n` requests are answered with `status` (default 503). */
  failNext(n: number, status?: number): void;
  clear(): void;
  close(): Promise<void>;
}


/**
 * A local stand-in for the SMS gateway that speaks the HTTP adapter's protocol: `POST /messages`
 * with a bearer token and JSON `{ to, text, reference, sender }`; 202 when accepted (once per
 * reference), 401 for a wrong token, 400 for a bad body. For development and tests only.
 */
export async function startSmsGatewaySimulator(o: { host: string; port: number; token: string }): Promise<SmsGatewaySimulator> {
  const sent: SentSms[] = [];
  const byReference = new Map<string, number>();
  let failures = 0;
  let failStatus = 503;

  const answer = (res: ServerResponse, status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST' || req.url !== '/messages') {
      return answer(res, 404, { error: 'not_found' });
    }
    if (req.headers.authorization !== `Bearer ${o.token}`) {
      return answer(res, 401, { error: 'unauthorized' });
    }
    if (failures > 0) {
      failures--;
      return answer(res, failStatus, { error: 'simulated_failure' });
    }
    const body = parseBody(await readBody(req));
    if (!body) {
      return answer(res, 400, { error: 'invalid_message', detail: 'expected { to: E.164, text, reference }' });
    }
    const known = byReference.get(body.reference);
    if (known !== undefined) {
      return answer(res, 202, { id: known, reference: body.reference, duplicate: true });
    }
    sent.push({ ...body, at: new Date() });
    byReference.set(body.reference, sent.length);
    return answer(res, 202, { id: sent.length, reference: body.reference });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => answer(res, 500, { error: 'internal' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;

  return {
    port,
    url: `http://${host}:${port}/messages`,
    messages: () => [...sent],
    last: (to) => sent.findLast((m) => m.to === to),
    failNext(n, status = 503) {
      failures = n;
      failStatus = status;
    },
    clear() {
      sent.length = 0;
      byReference.clear();
      failures = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function parseBody(raw: string | null): Omit<SentSms, 'at'> | null {
  if (raw === null) {
    return null;
  }
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) {
      return null;
    }
    const { to, text, reference, sender } = value as Record<string, unknown>;
    if (typeof to !== 'string' || !isE164(to) || typeof text !== 'string' || text === '' || typeof reference !== 'string' || reference === '') {
      return null;
    }
    return { to, text, reference, sender: typeof sender === 'string' ? sender : null };
  } catch {
    return null;
  }
}
