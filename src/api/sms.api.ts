import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { SmsService, SmsWebhookRefusal } from '../modules/sms/index.ts';
import { PROBLEM_BASE, sendProblem } from '../platform/http/problem.ts';

/** Each refusal's answer: a body that is not a message of the protocol is a 400; no (valid, current) signature a 401. */
const REFUSALS: Readonly<Record<SmsWebhookRefusal['code'], { status: 400 | 401; type: string; title: string; detail: string }>> = {
  'sms.webhook_malformed': { status: 400, type: 'invalid-webhook', title: 'Invalid webhook', detail: 'The signed body is not a message of the SMS gateway protocol' },
  'sms.signature_invalid': { status: 401, type: 'unsigned-webhook', title: 'Webhook not signed', detail: 'The body does not carry the gateway\'s signature' },
  'sms.webhook_stale': { status: 401, type: 'stale-webhook', title: 'Webhook out of time', detail: 'The signed time is too far from now' },
};

function refuse(request: FastifyRequest, reply: FastifyReply, error: SmsWebhookRefusal): FastifyReply {
  const r = REFUSALS[error.code];
  const errors = error.code === 'sms.webhook_malformed' ? { errors: [{ pointer: error.pointer || '/', detail: 'is missing or invalid' }] } : {};
  return sendProblem(reply, { type: `${PROBLEM_BASE}${r.type}`, title: r.title, status: r.status, code: error.code, detail: r.detail, instance: request.url, ...errors });
}

/**
 * The SMS gateway's server-to-server webhooks: messages from phones and delivery receipts. No session
 * and no CSRF token: the gateway's HMAC signature over the exact bytes is what is checked, so the body
 * is kept raw. A message seen before answers 200 as well (the gateway stops retrying).
 */
export function registerSmsApi(app: FastifyInstance, sms: SmsService): void {
  // Not awaited: awaiting a plugin here would load the routes registered so far before the error handler is set.
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) => done(null, body));
    const config = { auth: { kind: 'public' as const }, rateLimit: { max: 600, timeWindow: '1 minute' } };
    scope.post('/api/v1/sms/inbound', { config, schema: { hide: true } }, async (request, reply) => {
      const outcome = await sms.inbound(request.headers, typeof request.body === 'string' ? request.body : '');
      return outcome.ok ? reply.code(200).send({ outcome: outcome.value }) : refuse(request, reply, outcome.error);
    });
    scope.post('/api/v1/sms/receipts', { config, schema: { hide: true } }, async (request, reply) => {
      const outcome = await sms.receipt(request.headers, typeof request.body === 'string' ? request.body : '');
      return outcome.ok ? reply.code(200).send({ outcome: outcome.value }) : refuse(request, reply, outcome.error);
    });
  });
}
