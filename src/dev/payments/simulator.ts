import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { isLang, type Lang } from '../../kernel/text.ts';
import { type Clock, systemClock } from '../../kernel/clock.ts';
import {
  isIsoInstant,
  isPaymentStatus,
  parseStartPayment,
  type PaymentStatus,
  type ProviderTransaction,
  returnUrlFor,
  type StartPayment,
} from '../../modules/payments/index.ts';
import { type CallbackAttempt, type CallbackDispatcher, createCallbackDispatcher, type SimulatedCallback } from './simulator-callbacks.ts';
import { readBody } from '../read-body.ts';
import { redirect, listen, sendHtml, sendJson } from './simulator-http.ts';
import { badChoicePage, decidedPage, notFoundPage, payPage } from './simulator-pages.ts';

export type { CallbackAttempt, SimulatedCallback };

export interface PaymentSimulatorOptions {
  readonly host: string;
  /** 0 for any free port. */
  readonly port: number;
  /** The bearer token the API expects. */
  readonly apiKey: string;
  /** The secret callbacks are signed with. */
  readonly callbackSecret: string;
  /** Where browsers reach the simulator, for redirect URLs; default the listening address. */
  readonly publicUrl?: string;
  /** Attempts per callback event, the first included. Default 5. */
  readonly callbackAttempts?: number;
  /** Wait before the second attempt, doubled before each further one. Default 200 ms. */
  readonly callbackBackoffMs?: number;
  /** Per callback attempt. Default 5 s. */
  readonly callbackTimeoutMs?: number;
  readonly clock?: Clock;
}

/** A transaction as the simulator holds it: the protocol's fields and what the request said. */
export interface SimulatedTransaction extends ProviderTransaction {
  readonly description: string;
  readonly lang: Lang;
  readonly returnUrl: string;
  readonly callbackUrl: string;
  readonly redirectUrl: string;
  readonly createdAt: string;
}

export interface PaymentSimulator {
  /** The API root to configure as the HTTP adapter's `baseUrl`. */
  readonly url: string;
  readonly port: number;
  /** Every transaction, oldest first. */
  transactions(): SimulatedTransaction[];
  /** Every callback event sent, oldest first, with its attempts. */
  callbacks(): SimulatedCallback[];
  /** The next `n` callback attempts fail without reaching the portal (n ≥ attempts loses an event). */
  failCallbacksNext(n: number): void;
  /** Sends an event once more, unchanged, as a provider repeating itself would. For tests. */
  resend(eventId: string): Promise<CallbackAttempt>;
  /** Resolves once no callback is being delivered or waiting for a retry. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

type Transaction = { -readonly [K in keyof SimulatedTransaction]: SimulatedTransaction[K] };

interface State {
  readonly apiKey: string;
  readonly byRef: Map<string, Transaction>;
  readonly byPaymentId: Map<string, Transaction>;
  readonly dispatcher: CallbackDispatcher;
  readonly now: () => Date;
  publicUrl: string;
}

/**
 * A local stand-in for the payment provider, speaking the HTTP adapter's protocol (see the module's
 * README.md), so development runs the real adapter: the API (`POST /payments`,
 * `GET /transactions`), the test payment page (`GET /pay/:providerRef`) and the person's choice
 * (`POST /pay/:providerRef`), which sends a signed callback and redirects to the return URL.
 * Transactions live in memory. For development and tests only.
 */
export async function startPaymentSimulator(o: PaymentSimulatorOptions): Promise<PaymentSimulator> {
  const now = () => (o.clock ?? systemClock).now();
  const state: State = {
    apiKey: o.apiKey,
    byRef: new Map(),
    byPaymentId: new Map(),
    dispatcher: createCallbackDispatcher({
      secret: o.callbackSecret,
      attempts: o.callbackAttempts ?? 5,
      backoffMs: o.callbackBackoffMs ?? 200,
      timeoutMs: o.callbackTimeoutMs ?? 5_000,
      now,
    }),
    now,
    publicUrl: '',
  };
  const server = await listen(o.host, o.port, (req, res) => route(state, req, res));
  state.publicUrl = (o.publicUrl ?? server.origin).replace(/\/+$/, '');
  const { dispatcher } = state;
  return {
    url: server.origin,
    port: server.port,
    transactions: () => [...state.byRef.values()].map((t) => ({ ...t })),
    callbacks: () => dispatcher.records(),
    failCallbacksNext: (n) => dispatcher.failNext(n),
    resend: (eventId) => dispatcher.resend(eventId),
    idle: () => dispatcher.idle(),
    async close() {
      await dispatcher.close();
      await server.close();
    },
  };
}

async function route(state: State, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator.invalid');
  const page = /^\/pay\/([^/]+)$/.exec(url.pathname);
  if (page?.[1] !== undefined) {
    const transaction = state.byRef.get(page[1]);
    const lang = langOf(url.searchParams.get('lang'), transaction?.lang ?? 'uk');
    if (!transaction) {
      return sendHtml(res, 404, notFoundPage(lang));
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      return sendHtml(res, 200, payPage({ ...transaction, lang }));
    }
    return req.method === 'POST' ? choose(state, transaction, lang, req, res) : sendJson(res, 405, { error: 'method_not_allowed' });
  }
  if (url.pathname !== '/payments' && url.pathname !== '/transactions') {
    return sendJson(res, 404, { error: 'not_found' });
  }
  if (req.headers.authorization !== `Bearer ${state.apiKey}`) {
    return sendJson(res, 401, { error: 'unauthorized' });
  }
  if (url.pathname === '/payments' && req.method === 'POST') {
    return start(state, req, res);
  }
  if (url.pathname === '/transactions' && req.method === 'GET') {
    return list(state, url.searchParams, res);
  }
  return sendJson(res, 405, { error: 'method_not_allowed' });
}

const langOf = (value: string | null, fallback: Lang): Lang => (isLang(value) ? value : fallback);

/** `POST /payments`: 201 with the same answer for a repeated paymentId; 409 if the repeat differs. */
async function start(state: State, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = await readBody(req);
  if (raw === null) {
    return sendJson(res, 413, { error: 'too_large' });
  }
  const p = parseStartPayment(raw);
  if (typeof p === 'string') {
    return sendJson(res, 400, { error: 'invalid_payment', detail: p });
  }
  if (req.headers['idempotency-key'] !== p.paymentId) {
    return sendJson(res, 400, { error: 'invalid_payment', detail: 'the Idempotency-Key header must equal paymentId' });
  }
  const known = state.byPaymentId.get(p.paymentId);
  if (known) {
    return sameRequest(known, p)
      ? sendJson(res, 201, { providerRef: known.providerRef, redirectUrl: known.redirectUrl })
      : sendJson(res, 409, { error: 'idempotency_conflict', detail: 'this paymentId was started with other details' });
  }
  const providerRef = `sim_${randomUUID().replaceAll('-', '')}`;
  const at = state.now().toISOString();
  const transaction: Transaction = {
    ...p,
    providerRef,
    status: 'pending',
    redirectUrl: `${state.publicUrl}/pay/${providerRef}?lang=${p.lang}`,
    createdAt: at,
    updatedAt: at,
  };
  state.byRef.set(providerRef, transaction);
  state.byPaymentId.set(p.paymentId, transaction);
  return sendJson(res, 201, { providerRef, redirectUrl: transaction.redirectUrl });
}

const sameRequest = (t: Transaction, p: StartPayment) =>
  t.amount === p.amount && t.currency === p.currency && t.returnUrl === p.returnUrl && t.callbackUrl === p.callbackUrl;

/** `GET /transactions?from&to`: the transactions started in [from, to), in their current state. */
function list(state: State, query: URLSearchParams, res: ServerResponse): void {
  const from = query.get('from');
  const to = query.get('to');
  if (!isIsoInstant(from) || !isIsoInstant(to) || Date.parse(from) > Date.parse(to)) {
    return sendJson(res, 400, { error: 'invalid_range', detail: 'expected from and to as ISO instants, from not after to' });
  }
  const transactions = [...state.byRef.values()]
    .filter((t) => Date.parse(t.createdAt) >= Date.parse(from) && Date.parse(t.createdAt) < Date.parse(to))
    .map(({ providerRef, paymentId, status, amount, currency, updatedAt }) => ({ providerRef, paymentId, status, amount, currency, updatedAt }));
  return sendJson(res, 200, { transactions });
}

/** `POST /pay/:providerRef` with `outcome`: records it, sends the callback, redirects back. */
async function choose(state: State, t: Transaction, lang: Lang, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = await readBody(req);
  const outcome = new URLSearchParams(raw ?? '').get('outcome');
  if (!isPaymentStatus(outcome)) {
    return sendHtml(res, 400, badChoicePage(lang));
  }
  if (t.status !== 'pending') {
    return sendHtml(res, 409, decidedPage(lang, t.status, returnUrlFor(t.returnUrl, t.paymentId, t.status)));
  }
  decide(state, t, outcome);
  return redirect(res, returnUrlFor(t.returnUrl, t.paymentId, outcome));
}

function decide(state: State, t: Transaction, status: PaymentStatus): void {
  const at = state.now().toISOString();
  t.status = status;
  t.updatedAt = at;
  const { paymentId, providerRef, amount, currency } = t;
  state.dispatcher.dispatch(t.callbackUrl, { eventId: randomUUID(), paymentId, providerRef, status, amount, currency, at });
}
