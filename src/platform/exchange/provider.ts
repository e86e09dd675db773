/**
 * The provider's half of a security server, embedded in front of an information system (a base
 * registry's stand-in): every request to `/r1/…` is checked — the client named, the signature of its
 * member, every signed value the request's own (method, path, headers, body digest), fresh, its id
 * never seen before, the client's right to the service, the person's consent where the right is marked
 * `requires consent` (ADR 0028) — then passed to the service, and logged on this side whether answered
 * or refused. A refusal carries no data: `X-Road-Error` and a JSON body.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { Clock } from '../../kernel/clock.ts';
import type { Database } from '../db/database.ts';
import type { ExchangeDirectory } from './directory.ts';
import { memberText, parseServicePath, parseSubsystem, serviceText, type SubsystemId, subsystemText } from './identifiers.ts';
import { claimRequestId, type LoggedMessage, logMessage } from './message-log.ts';
import { EXCHANGE_ERRORS, type ExchangeErrorBody, type ExchangeErrorType, HEADERS } from './protocol.ts';
import { bodyDigest, SIGNATURE_HEADER, verifySignature } from './signature.ts';

/** What a service is given: the request's body as JSON (null when empty), and who asks why. */
export interface ServiceRequest {
  readonly body: unknown;
  readonly client: string;
  readonly userId: string;
  readonly issue: string;
}
export type ServiceHandler = (request: ServiceRequest) => Promise<{ readonly status: number; readonly body: unknown }>;

/** Whether the person a request is about consented to this client having this service's data at `at` (ADR 0028). */
export type ConsentCheck = (request: { readonly client: string; readonly service: string; readonly body: unknown; readonly at: Date }) => Promise<boolean>;

export interface ProviderOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly directory: ExchangeDirectory;
  /** The provider's subsystem (its services are `/r1/<subsystem>/<service>`). */
  readonly subsystem: SubsystemId;
  readonly services: Readonly<Record<string, ServiceHandler>>;
  /** How old a signed request may be (and how far ahead of this clock); older ones are refused as stale. */
  readonly maxAgeSeconds: number;
  /** Asked on every request whose access right the directory marks as requiring consent; without one, such requests are refused. */
  readonly consent?: ConsentCheck;
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** The body as JSON: null when empty, undefined when not JSON. */
function jsonOf(raw: Buffer): unknown {
  if (raw.length === 0) {
    return null;
  }
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** A right not marked `requires consent` needs none; a marked one, the person's consent in force (a body naming them, a check that says yes). */
const consented = async (options: ProviderOptions, request: { client: string; service: string; body: unknown; at: Date }): Promise<boolean> =>
  !options.directory.requiresConsent(request.client, request.service) || (request.body !== undefined && options.consent !== undefined && (await options.consent(request)));

/**
 * The provider's handler of `/r1/*` requests: the request's body must be its bytes (a `Buffer`, as
 * `registerProvider`'s parser gives it; anything else is taken as no body).
 */
export function providerHandler(options: ProviderOptions): (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply> {
  return async (request, reply) => {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const at = options.clock.now();
    const requestId = header(request, HEADERS.id) ?? null;
    const client = parseSubsystem(header(request, HEADERS.client));
    const service = parseServicePath(request.url);
    const digest = bodyDigest(raw);
    const base: Omit<LoggedMessage, 'outcome' | 'error' | 'status' | 'responseDigest'> = {
      member: subsystemText(options.subsystem), side: 'provider', requestId: requestId?.slice(0, 200) ?? null,
      client: client === null ? (header(request, HEADERS.client)?.slice(0, 200) ?? null) : subsystemText(client),
      service: service === null ? request.url.slice(0, 300) : serviceText(service),
      issue: header(request, HEADERS.issue)?.slice(0, 200) ?? null, userId: header(request, HEADERS.userId)?.slice(0, 200) ?? null,
      requestDigest: digest, at,
    };
    const refuse = async (type: ExchangeErrorType, message: string) => {
      const status = EXCHANGE_ERRORS[type];
      await logMessage(options.db, { ...base, outcome: 'refused', error: type, status, responseDigest: null });
      const body: ExchangeErrorBody = { type, message, detail: base.requestId };
      return reply.code(status).header(HEADERS.error, type).header(HEADERS.requestHash, digest).type('application/json').send(body);
    };
    if (client === null) {
      return refuse('Client.InvalidClientIdentifier', 'X-Road-Client must name a subsystem: INSTANCE/CLASS/MEMBER/SUBSYSTEM');
    }
    if (requestId === null || requestId === '' || requestId.length > 200) {
      return refuse('Client.MissingRequestId', 'X-Road-Id is required');
    }
    const jws = header(request, SIGNATURE_HEADER);
    if (jws === undefined || jws === '') {
      return refuse('Client.MissingSignature', 'the request is not signed');
    }
    const signed = await verifySignature(jws, options.directory.keysOf(memberText(client)));
    if (signed === null) {
      return refuse('Client.InvalidSignature', 'the signature is not the client member\'s');
    }
    if (signed.digest !== digest) {
      return refuse('Client.BodyDigestMismatch', 'the body is not the body signed');
    }
    const asSent = { method: request.method, path: request.url, client: subsystemText(client), id: requestId, userId: base.userId ?? '', issue: base.issue ?? '' };
    if ((Object.keys(asSent) as Array<keyof typeof asSent>).some((k) => signed[k] !== asSent[k])) {
      return refuse('Client.SignedValueMismatch', 'the request is not the request signed');
    }
    if (Math.abs(at.getTime() / 1000 - signed.iat) > options.maxAgeSeconds) {
      return refuse('Client.StaleMessage', `the request was signed more than ${options.maxAgeSeconds} seconds from now`);
    }
    if (!(await claimRequestId(options.db, subsystemText(options.subsystem), requestId, at))) {
      return refuse('Client.DuplicateId', 'a request with this X-Road-Id was received already');
    }
    const handler = service !== null && subsystemText(service) === subsystemText(options.subsystem) ? options.services[service.service] : undefined;
    if (service === null || handler === undefined) {
      return refuse('Server.ServerProxy.UnknownService', 'no such service here');
    }
    if (!options.directory.allowed(subsystemText(client), serviceText(service))) {
      return refuse('Server.ServerProxy.AccessDenied', 'the client has no right to this service');
    }
    const body = jsonOf(raw);
    if (!(await consented(options, { client: subsystemText(client), service: serviceText(service), body, at }))) {
      return refuse('Server.ServerProxy.ConsentMissing', 'the person has not consented to this client having this data');
    }
    let answer: { status: number; body: unknown };
    try {
      answer = body === undefined ? { status: 400, body: { problem: 'the body is not JSON' } } : await handler({ body, client: subsystemText(client), userId: asSent.userId, issue: asSent.issue });
    } catch (error) {
      request.log.error({ err: error }, 'exchange service failed');
      return refuse('Server.ServerProxy.ServiceFailed', 'the service failed');
    }
    const text = JSON.stringify(answer.body);
    await logMessage(options.db, { ...base, outcome: 'done', error: null, status: answer.status, responseDigest: bodyDigest(text) });
    return reply.code(answer.status).header(HEADERS.id, requestId).header(HEADERS.requestHash, digest).type('application/json').send(text);
  };
}

/** Takes every request body as bytes. */
export function acceptBodiesAsBytes(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
}

/** Registers `/r1/*` on an app of the provider's own (it takes every request body as bytes). */
export function registerProvider(app: FastifyInstance, options: ProviderOptions): void {
  acceptBodiesAsBytes(app);
  app.route({ method: ['GET', 'POST'], url: '/r1/*', handler: providerHandler(options) });
}
