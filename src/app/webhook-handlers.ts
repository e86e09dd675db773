import { CASE_CHANGED_TOPIC } from '../modules/cases/index.ts';
import type { Webhooks } from '../modules/api-access/index.ts';
import type { OutboxHandler } from '../platform/outbox/index.ts';

/**
 * The outbox handlers with partners' webhooks (ADR 0026): a case event of a case a partner submitted
 * first fans out to a webhook message (idempotent, so the event's retries add none), then goes to its
 * own handler; the webhook messages have their handler.
 */
export function withPartnerWebhooks(webhooks: Webhooks, handlers: Readonly<Record<string, OutboxHandler>>): Record<string, OutboxHandler> {
  const caseChanged = handlers[CASE_CHANGED_TOPIC];
  return { ...handlers, ...(caseChanged === undefined ? {} : { [CASE_CHANGED_TOPIC]: webhooks.fanningOut(caseChanged) }), ...webhooks.handlers() };
}
