import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

import { readBody } from '../read-body.ts';
import { delivered, type DeliveryOutcome, rejected, retryLater } from '../../platform/outbox/delivery-outcome.ts';
import { isE164 } from '../../modules/channels/sms/index.ts';
import { sendEach, type SmsMessage, type SmsSender } from '../../modules/channels/sms/index.ts';

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
  const send = async (message: SmsMessage, idempotencyKey: string): Promise<DeliveryOutcome> => {
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
  };
  return {
    send,
    sendMany: sendEach(send),
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
 * reference), 401 for a wrong token, 400 for a bad body. `POST /messages/batch` with
 * `{ sender, messages: [{ to, text, reference }, …] }`: 200 with `{ results: [{ reference, status, error? }, …] }`,
 * a status per message as `/messages` would answer it alone (202, or 400 for a bad message); 400 when
 * the body is no such list. `failNext` counts requests, batch or not. For development and tests only.
 */
export async function startSmsGatewaySimulator(o: { host: string; port: number; token: string }): Promise<SmsGatewaySimulator> {
  const sent: SentSms[] = [];
  const byReference = new Map<string, number>();
  let failures = 0;
  let failStatus = 503;

  const answer = (res: ServerResponse, status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  /** Records a checked message once per reference; answers its gateway id and whether it was known. */
  const accept = (m: Omit<SentSms, 'at'>): { id: number; duplicate: boolean } => {
    const known = byReference.get(m.reference);
    if (known !== undefined) {
      return { id: known, duplicate: true };
    }
    sent.push({ ...m, at: new Date() });
    byReference.set(m.reference, sent.length);
    return { id: sent.length, duplicate: false };
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST' || (req.url !== '/messages' && req.url !== '/messages/batch')) {
      return answer(res, 404, { error: 'not_found' });
    }
    if (req.headers.authorization !== `Bearer ${o.token}`) {
      return answer(res, 401, { error: 'unauthorized' });
    }
    if (failures > 0) {
      failures--;
      return answer(res, failStatus, { error: 'simulated_failure' });
    }
    const raw = await readBody(req);
    if (req.url === '/messages/batch') {
      const results = batchResults(raw, accept);
      return results === null
        ? answer(res, 400, { error: 'invalid_batch', detail: 'expected { sender, messages: [{ to: E.164, text, reference }] }' })
        : answer(res, 200, { results });
    }
    const body = parseBody(raw);
    if (!body) {
      return answer(res, 400, { error: 'invalid_message', detail: 'expected { to: E.164, text, reference }' });
    }
    const { id, duplicate } = accept(body);
    return answer(res, 202, { id, reference: body.reference, ...(duplicate ? { duplicate } : {}) });
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

function parseJson(raw: string | null): unknown {
  if (raw === null) {
    return null;
  }
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/** One message of the protocol, or null when a field is missing or wrong. */
function checkMessage(value: unknown, batchSender: unknown = undefined): Omit<SentSms, 'at'> | null {
  if (typeof value !== 'object' || value === null) {
    return null;
  }
  const { to, text, reference, sender = batchSender } = value as Record<string, unknown>;
  if (typeof to !== 'string' || !isE164(to) || typeof text !== 'string' || text === '' || typeof reference !== 'string' || reference === '') {
    return null;
  }
  return { to, text, reference, sender: typeof sender === 'string' ? sender : null };
}

const parseBody = (raw: string | null): Omit<SentSms, 'at'> | null => checkMessage(parseJson(raw));

/** A status per message of a batch, each accepted message recorded by `accept`; null when the body is no batch. */
function batchResults(raw: string | null, accept: (m: Omit<SentSms, 'at'>) => { id: number; duplicate: boolean }): object[] | null {
  const value = parseJson(raw);
  if (typeof value !== 'object' || value === null) {
    return null;
  }
  const { sender, messages } = value as Record<string, unknown>;
  if (!Array.isArray(messages) || messages.length === 0) {
    return null;
  }
  return messages.map((m: unknown) => {
    const body = checkMessage(m, sender);
    const reference = typeof m === 'object' && m !== null && typeof (m as { reference?: unknown }).reference === 'string' ? (m as { reference: string }).reference : null;
    return body === null ? { reference, status: 400, error: 'invalid_message' } : { reference: body.reference, status: 202, ...accept(body) };
  });
}
