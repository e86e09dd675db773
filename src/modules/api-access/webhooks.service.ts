import { createHmac } from 'node:crypto';

import type { Clock } from '../../kernel/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { delivered, type DeliveryOutcome, type OutboxHandler, outboxRepository, rejected, retryLater } from '../../platform/outbox/index.ts';
import { sameSecret } from '../../platform/security/tokens.ts';
import { parseCaseChanged } from '../cases/index.ts';
import { apiClientsRepository } from './api-clients.repository.ts';

/** The outbox topic of a webhook to a partner. */
export const API_WEBHOOK_TOPIC = 'api.webhook';
/** The header a webhook's signature travels in: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const WEBHOOK_SIGNATURE_HEADER = 'portico-signature';
/** How old a signed timestamp a receiver accepts (replays of older deliveries are refused). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

const hmac = (secret: string, t: number, body: string) => createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');

/** The signature header's value for a body sent at `at`. */
export function signWebhook(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmac(secret, t, body)}`;
}

/** A receiver's check: the signature over the exact bytes, with a timestamp within the tolerance of `now`. */
export function verifyWebhook(secret: string, header: string | undefined, body: string, now: Date, toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS): boolean {
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) {
    return false;
  }
  const t = Number(match[1]);
  return Math.abs(now.getTime() / 1000 - t) <= toleranceSeconds && sameSecret(match[2] as string, hmac(secret, t, body));
}

/** What a partner's webhook receives about a case it submitted. */
export interface CaseWebhookEvent {
  readonly id: string;
  readonly type: 'case.changed';
  readonly caseId: string;
  readonly caseNumber: string;
  readonly event: string;
  readonly from: string;
  readonly to: string;
  readonly decided: string | null;
}

/**
 * Webhooks of case events to the partner that submitted the case: the case's own outbox message is
 * fanned out to a webhook message (idempotent by the source message's key, so a retry adds nothing),
 * delivered by the outbox worker with its retries, signed with the client's webhook secret.
 */
export function createWebhooks(deps: { db: Database; clock: Clock; fetch?: typeof fetch; timeoutMs?: number }) {
  const { db, clock } = deps;
  const send = deps.fetch ?? fetch;

  async function fanOut(payload: unknown, sourceKey: string): Promise<void> {
    const m = parseCaseChanged(payload);
    const partner = m === null ? null : await apiClientsRepository.webhookOfCase(db, m.caseId);
    if (m === null || partner === null) {
      return;
    }
    const event: CaseWebhookEvent = { id: sourceKey, type: 'case.changed', caseId: m.caseId, caseNumber: m.caseNumber, event: m.event, from: m.from, to: m.to, decided: m.decided };
    await outboxRepository.enqueue(db, { topic: API_WEBHOOK_TOPIC, payload: { clientId: partner.clientId, event }, idempotencyKey: `api-webhook:${sourceKey}`, availableAt: clock.now() });
  }

  async function deliver(payload: unknown): Promise<DeliveryOutcome> {
    const p = payload as { clientId?: unknown; event?: unknown };
    const client = typeof p.clientId === 'string' ? await apiClientsRepository.byId(db, p.clientId) : null;
    if (client === null || client.webhookUrl === null || client.webhookSecret === null || client.disabledAt !== null) {
      return rejected('no webhook for the client');
    }
    const body = JSON.stringify(p.event);
    try {
      const res = await send(client.webhookUrl, {
        method: 'POST', body, redirect: 'manual', signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
        headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signWebhook(client.webhookSecret, body, clock.now()) },
      });
      await res.body?.cancel();
      return res.ok ? delivered() : retryLater(`webhook answered ${res.status}`);
    } catch (error) {
      return retryLater(`webhook unreachable: ${(error as Error).message}`);
    }
  }

  return {
    /** The outbox handler of webhook messages. */
    handlers: (): Record<string, OutboxHandler> => ({ [API_WEBHOOK_TOPIC]: (payload) => deliver(payload) }),
    /** Wraps the handler of case events so that each event first fans out to the case's partner (if any). */
    fanningOut(handler: OutboxHandler): OutboxHandler {
      const one = async (payload: unknown, ctx: Parameters<OutboxHandler>[1]) => {
        await fanOut(payload, ctx.idempotencyKey);
        return handler(payload, ctx);
      };
      const { many } = handler;
      return many === undefined ? one : Object.assign(one, {
        many: async (items: Parameters<NonNullable<OutboxHandler['many']>>[0]) => {
          for (const item of items) {
            await fanOut(item.payload, item.ctx.idempotencyKey);
          }
          return many(items);
        },
      });
    },
  };
}

export type Webhooks = ReturnType<typeof createWebhooks>;
