/**
 * The client's half: a request to a service over the exchange, in the X-Road message protocol for REST,
 * sent to the security server at `baseUrl` (the embedded exchange in development; a real security server
 * by configuration). With a member key the request is signed here (the embedded exchange checks it);
 * every request is logged on this side with its outcome. Expected failures are values: refused (the
 * `X-Road-Error` type) or unavailable (no answer, a timeout, a server error without an exchange error).
 */
import { randomUUID } from 'node:crypto';

import { request as httpRequest } from 'undici';

import type { Clock } from '../../kernel/clock.ts';
import { err, ok, type Result } from '../../kernel/result.ts';
import type { Database } from '../db/database.ts';
import { parseService, servicePath, serviceText } from './identifiers.ts';
import { logMessage } from './message-log.ts';
import { HEADERS, isExchangeErrorType, type ExchangeErrorType } from './protocol.ts';
import { bodyDigest, type MemberKey, SIGNATURE_HEADER, signRequest } from './signature.ts';

export interface ExchangeRequest {
  /** `INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE`. */
  readonly service: string;
  /** JSON sent with POST; without one, GET. */
  readonly body?: unknown;
  /** Who asks (X-Road-UserId). */
  readonly userId: string;
  /** Why (X-Road-Issue): the case number or the legal basis. */
  readonly issue: string;
}

export interface ExchangeAnswer {
  readonly requestId: string;
  readonly status: number;
  readonly body: unknown;
}

export type ExchangeFailure =
  | { readonly code: 'exchange.refused'; readonly type: ExchangeErrorType; readonly requestId: string }
  | { readonly code: 'exchange.unavailable'; readonly requestId: string };

export interface ExchangeClient {
  call(request: ExchangeRequest): Promise<Result<ExchangeAnswer, ExchangeFailure>>;
}

export interface ExchangeClientOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly baseUrl: string;
  /** The portal's subsystem (`INSTANCE/CLASS/MEMBER/SUBSYSTEM`). */
  readonly client: string;
  /** The member's key; null when the security server signs (a real one). */
  readonly key: MemberKey | null;
  readonly timeoutMs: number;
}

export function createExchangeClient(options: ExchangeClientOptions): ExchangeClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    async call(request) {
      const service = parseService(request.service);
      if (service === null) {
        throw new RangeError(`not a service: ${request.service}`);
      }
      const requestId = randomUUID();
      const method = request.body === undefined ? 'GET' : 'POST';
      const text = request.body === undefined ? '' : JSON.stringify(request.body);
      const path = servicePath(service);
      const at = options.clock.now();
      const headers: Record<string, string> = {
        [HEADERS.client]: options.client, [HEADERS.id]: requestId, [HEADERS.userId]: request.userId, [HEADERS.issue]: request.issue,
        ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
      };
      if (options.key !== null) {
        headers[SIGNATURE_HEADER] = await signRequest(options.key, {
          method, path, client: options.client, id: requestId, userId: request.userId, issue: request.issue, digest: bodyDigest(text), iat: Math.floor(at.getTime() / 1000),
        });
      }
      const logged = { member: options.client, side: 'client' as const, requestId, client: options.client, service: serviceText(service), issue: request.issue, userId: request.userId, requestDigest: bodyDigest(text), at };
      let response: { status: number; error: string | null };
      let answer: string;
      try {
        // undici's request, not fetch: kept-alive connections as fetch's, without the WHATWG streams and objects
        // around each request, a quarter of fetch's CPU per call (BENCHMARKS.md, "Registry queries
        // through the exchange at 1,000 a second"). The signal bounds the whole call, the answer's body included.
        const sent = await httpRequest(`${base}${path}`, { method, headers, ...(method === 'POST' ? { body: text } : {}), signal: AbortSignal.timeout(options.timeoutMs) });
        answer = await sent.body.text();
        const error = sent.headers[HEADERS.error];
        response = { status: sent.statusCode, error: typeof error === 'string' ? error : (error?.[0] ?? null) };
      } catch {
        await logMessage(options.db, { ...logged, outcome: 'failed', error: 'exchange.unavailable', status: null, responseDigest: null });
        return err({ code: 'exchange.unavailable', requestId });
      }
      const type = response.error;
      if (type !== null) {
        const known = isExchangeErrorType(type) ? type : 'Server.ServerProxy.ServiceFailed';
        await logMessage(options.db, { ...logged, outcome: 'refused', error: known, status: response.status, responseDigest: bodyDigest(answer) });
        return err({ code: 'exchange.refused', type: known, requestId });
      }
      let body: unknown;
      try {
        body = JSON.parse(answer);
      } catch {
        body = undefined;
      }
      if (response.status >= 500 || body === undefined) {
        await logMessage(options.db, { ...logged, outcome: 'failed', error: 'exchange.unavailable', status: response.status, responseDigest: bodyDigest(answer) });
        return err({ code: 'exchange.unavailable', requestId });
      }
      await logMessage(options.db, { ...logged, outcome: 'done', error: null, status: response.status, responseDigest: bodyDigest(answer) });
      return ok({ requestId, status: response.status, body });
    },
  };
}
