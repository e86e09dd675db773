import { Agent as HttpAgent, type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

import { delivered, type DeliveryOutcome, rejected, retryLater } from '../../../../platform/outbox/delivery-outcome.ts';
import { isE164 } from '../e164.ts';
import type { SmsItem, SmsMessage, SmsSender } from '../index.ts';

export interface HttpSmsGatewayOptions {
  /** The gateway's send endpoint, for example `https://sms.example/v1/messages`. */
  readonly url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  readonly token: string;
  /** The sender name or number the gateway shows to recipients. */
  readonly sender: string;
  /** Per request, connection included. Default 10 s. */
  readonly timeoutMs?: number;
  /** Connections kept open to the gateway and reused (keep-alive). Default 50. */
  readonly maxSockets?: number;
  /**
   * Messages per request of `sendMany` (`POST <url>/batch`). Default 100; 1 sends each message in a
   * request of its own (`POST <url>`), for a gateway without the batch call.
   */
  readonly batchSize?: number;
}

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Retrying these gets another answer: timeouts, rate limits, the gateway's own trouble. */
const TRANSIENT = (status: number) => status === 408 || status === 425 || status === 429 || status >= 500;

/** The outcome of an HTTP status: 2xx delivered, 408/425/429/5xx retry, any other rejected. */
function outcomeOfStatus(status: number, reason: string): DeliveryOutcome {
  if (status >= 200 && status < 300) {
    return delivered();
  }
  return TRANSIENT(status) ? retryLater(reason) : rejected(reason);
}

/**
 * A generic HTTP SMS gateway: `POST <url>` with JSON `{ to, text, reference, sender }`, where
 * `reference` is the idempotency key (also sent as the `Idempotency-Key` header).
 * 2xx → `delivered`; 408/425/429/5xx, a network error or the timeout → `retry`; any other status
 * (400 bad number, 401/403 bad token, 422 …) → `rejected`.
 * Several messages in one request (`sendMany`): `POST <url>/batch` with JSON
 * `{ sender, messages: [{ to, text, reference }, …] }`, answered `200 { results: [{ reference, status, error? }, …] }`
 * with an HTTP status per message, read as above; a message the answer does not name is a `retry`, and
 * an answer to the whole request other than 2xx (401, 503, a network error …) is every message's outcome.
 * Requests go over node:http(s) with a keep-alive agent: connections are reused, and a request costs
 * about a third of the CPU of the global `fetch` (measured in BENCHMARKS.md).
 */
export function createHttpSmsGateway(options: HttpSmsGatewayOptions): SmsSender {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const url = new URL(options.url);
  const secure = url.protocol === 'https:';
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 50 };
  const agent = secure ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
  const batchUrl = new URL(`${url.pathname.replace(/\/$/, '')}/batch${url.search}`, url);
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 100));
  const post = (body: string, idempotencyKey: string | null, to: URL = url): Promise<Answer> =>
    new Promise<Answer>((resolve, reject) => {
      const send = secure ? httpsRequest : httpRequest;
      const req = send(to, {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${options.token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          accept: 'application/json',
          ...(idempotencyKey === null ? {} : { 'idempotency-key': idempotencyKey }),
        },
        signal: AbortSignal.timeout(timeoutMs),
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end(body);
    });
  const reasonOf = (answer: Answer) => {
    const retryAfter = answer.headers['retry-after'];
    return `HTTP ${answer.status}${retryAfter ? ` (retry after ${retryAfter})` : ''}: ${answer.body.slice(0, 300)}`;
  };
  async function send(message: SmsMessage, idempotencyKey: string): Promise<DeliveryOutcome> {
    if (!isE164(message.to)) {
      return rejected(`not an E.164 number: ${message.to}`);
    }
    let answer: Answer;
    try {
      answer = await post(JSON.stringify({ to: message.to, text: message.text, reference: idempotencyKey, sender: options.sender }), idempotencyKey);
    } catch (error) {
      return retryLater(networkReason(error, timeoutMs));
    }
    return outcomeOfStatus(answer.status, reasonOf(answer));
  }
  /** One request for up to `batchSize` messages with E.164 numbers; an outcome per message, in order. */
  async function sendBatch(items: readonly SmsItem[]): Promise<DeliveryOutcome[]> {
    let answer: Answer;
    try {
      const messages = items.map((i) => ({ to: i.message.to, text: i.message.text, reference: i.idempotencyKey }));
      answer = await post(JSON.stringify({ sender: options.sender, messages }), null, batchUrl);
    } catch (error) {
      const reason = networkReason(error, timeoutMs);
      return items.map(() => retryLater(reason));
    }
    if (answer.status < 200 || answer.status >= 300) {
      const whole = outcomeOfStatus(answer.status, reasonOf(answer));
      return items.map(() => whole);
    }
    const results = batchResults(answer.body);
    return items.map((i) => {
      const r = results.get(i.idempotencyKey);
      return r === undefined ? retryLater('the gateway answered the batch without this message') : outcomeOfStatus(r.status, `HTTP ${r.status}: ${r.error ?? ''}`.trim());
    });
  }
  return {
    send,
    sendMany: (items: readonly SmsItem[]) => inBatches(items, batchSize, send, sendBatch),
  };
}

/**
 * `sendMany`: the items with an E.164 number in requests of up to `batchSize` (a lone one, or every one
 * when `batchSize` is 1, through `send`); the others rejected without a request. Outcomes in order.
 */
async function inBatches(items: readonly SmsItem[], batchSize: number, send: SmsSender['send'], sendBatch: (items: readonly SmsItem[]) => Promise<DeliveryOutcome[]>): Promise<DeliveryOutcome[]> {
  if (batchSize === 1) {
    return Promise.all(items.map((i) => send(i.message, i.idempotencyKey)));
  }
  const outcomes: DeliveryOutcome[] = items.map((i) => rejected(`not an E.164 number: ${i.message.to}`));
  const valid = items.map((item, at) => ({ item, at })).filter(({ item }) => isE164(item.message.to));
  const chunks: Array<typeof valid> = [];
  for (let i = 0; i < valid.length; i += batchSize) {
    chunks.push(valid.slice(i, i + batchSize));
  }
  await Promise.all(chunks.map(async (chunk) => {
    const answers = chunk.length === 1 && chunk[0] ? [await send(chunk[0].item.message, chunk[0].item.idempotencyKey)] : await sendBatch(chunk.map((c) => c.item));
    chunk.forEach((c, i) => {
      outcomes[c.at] = answers[i] ?? retryLater('no answer');
    });
  }));
  return outcomes;
}

/** The per-message results of a batch answer, by reference; an unreadable answer names none. */
function batchResults(body: string): Map<string, { status: number; error: string | null }> {
  const results = new Map<string, { status: number; error: string | null }>();
  try {
    const value = JSON.parse(body) as { results?: unknown };
    for (const r of Array.isArray(value.results) ? (value.results as unknown[]) : []) {
      const { reference, status, error } = (typeof r === 'object' && r !== null ? r : {}) as Record<string, unknown>;
      if (typeof reference === 'string' && typeof status === 'number') {
        results.set(reference, { status, error: typeof error === 'string' ? error.slice(0, 300) : null });
      }
    }
  } catch {
    // nothing named: every message of the batch is retried
  }
  return results;
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `network error${error instanceof Error ? `: ${error.message}` : ''}${cause}`;
}
