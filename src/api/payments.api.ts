import type { FastifyInstance } from 'fastify';

import type { CasePaymentsService } from '../modules/cases/index.ts';
import { PROBLEM_BASE, sendProblem } from '../platform/http/problem.ts';

/**
 * The payment provider's server-to-server callback. Not a web form: no session and no CSRF token;
 * the provider's HMAC signature over the exact bytes is what is checked, so the body is kept raw.
 * A repeated event answers 200 as well (the provider stops retrying); a bad signature 401; a signed
 * body that is not a callback about one of the portal's payments (a paymentId not a UUID) a 400 problem.
 */
export function registerPaymentsApi(app: FastifyInstance, payments: CasePaymentsService): void {
  // Not awaited: awaiting a plugin here would load the routes registered so far before the error handler is set.
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) => done(null, body));
    scope.post('/api/v1/payments/callback', {
      config: { auth: { kind: 'public' }, rateLimit: { max: 600, timeWindow: '1 minute' } },
      schema: { hide: true },
    }, async (request, reply) => {
      const outcome = await payments.callback(request.headers, typeof request.body === 'string' ? request.body : '');
      if (outcome === 'malformed') {
        return sendProblem(reply, { type: `${PROBLEM_BASE}invalid-callback`, title: 'Invalid callback', status: 400, code: 'payments.callback_malformed', detail: 'The signed body is not a callback about a payment of this portal', instance: request.url });
      }
      return reply.code(outcome === 'rejected' ? 401 : 200).send({ outcome });
    });
  });
}
