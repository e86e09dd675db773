import { randomUUID } from 'node:crypto';
import { constants as zlib } from 'node:zlib';

import compress from '@fastify/compress';

import helmet from 'helmet';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';

import { CentreOut, EventOut, OrganisationOut, ProblemOut, ServiceOut, ServicePageOut } from '../api/api-schemas.ts';
import { registerCatalogueApi } from '../api/catalogue.api.ts';
import { PROBLEM_BASE, sendProblem } from '../platform/http/problem.ts';
import type { Logger } from '../platform/logging/logger.ts';
import { answersWithin, isDatabaseUnavailable } from '../platform/db/unavailable.ts';
import rateLimit from '@fastify/rate-limit';
import { sharedRateLimitStore } from './rate-limit-store.ts';
import { type RequestsInFlight, trackRequestsInFlight } from './in-flight.ts';

import { catalogueRoutes } from '../web/catalogue/routes.tsx';
import { performanceRoutes } from '../web/performance/routes.tsx';
import { registerPaymentsApi } from '../api/payments.api.ts';
import { registerSmsApi } from '../api/sms.api.ts';
import { registerTransparencyApi } from '../api/transparency.api.ts';
import { CaseOut, DraftOut, registerApplicationsApi } from '../api/applications.api.ts';
import { registerCabinetApi } from '../api/cabinet.api.ts';
import type { ApiScope } from '../modules/identity/index.ts';
import { registerOAuthApi } from '../api/oauth.api.ts';
import { oauthRoutes } from '../web/oauth/routes.tsx';
import { applyRoutes } from '../web/apply/routes.tsx';
import { casesRoutes } from '../web/cases/routes.tsx';
import { identityRoutes, me } from '../web/identity/routes.tsx';
import { verifyRoutes } from '../web/verify/routes.tsx';
import { officeSupervisionRoutes } from '../web/office/supervision.routes.tsx';
import { letterRoutes } from '../web/office/letters.routes.tsx';
import { assistedRoutes } from '../web/office/assisted.routes.tsx';
import { noticeTemplateRoutes } from '../web/office/notice-templates.routes.tsx';
import { callRoutes } from '../web/office/calls.routes.tsx';
import { deadLetterRoutes } from '../web/office/dead-letters.routes.tsx';
import { queueRoutes } from '../web/queue/routes.tsx';
import { collectionRoutes } from '../web/collection/routes.tsx';
import { inboxRoutes } from '../web/cases/inbox.routes.tsx';
import { proactiveRoutes } from '../web/cases/proactive.routes.tsx';
import { appointmentRoutes } from '../web/appointments/routes.tsx';
import { accessLogRoutes } from '../web/access-log/routes.tsx';
import { consentRoutes } from '../web/consent/routes.tsx';
import { bundlesRoutes } from '../web/bundles/routes.tsx';
import { PERSONAL_DATA, type PersonalDataUse } from '../web/common/personal-data.ts';
import { undeclaredServiceMethods } from './personal-data-services.ts';
import { appealRoutes } from '../web/appeals/routes.tsx';
import { appealIntakeRoutes } from '../web/office/appeal-intake.routes.tsx';
import { visitRoutes } from '../web/office/visits.routes.tsx';
import { guard, registerSessions } from '../web/identity/session.plugin.tsx';
import { sendBadRequestPage, sendNotFoundPage, sendServerErrorPage, sendUnavailablePage } from '../web/common/error-pages.tsx';
import { PUBLIC, type WebRoute } from '../web/common/route-table.ts';
import { uploadConfig } from '../web/common/upload-stream.ts';
import type { DevMessages } from './channels.ts';
import type { Services } from './container.ts';
import { registerMetrics } from './metrics.ts';
import { registerReadScope } from './read-scope.ts';
import { answerClientError, answerFrameworkError, answerRequestError, registerRequestEdge } from '../web/common/request-edge.tsx';
import { REQUEST_LIMITS } from '../web/common/request-limits.ts';
import { registerAssets } from '../web/common/assets.ts';
import { officeRoutes } from '../web/office/routes.tsx';
import type { MaturityService } from '../modules/maturity/index.ts';
import { maturityRoutes } from '../web/maturity/routes.tsx';
import { feedbackRoutes } from '../web/feedback/routes.tsx';
import { catalogueEditorRoutes } from '../web/office/catalogue-editor.routes.tsx';
import { registerMaturity } from './maturity.ts';
import { sharedSchemaCompilers } from '../platform/http/schema-compilers.ts';

const isApi = (url: string) => url.startsWith('/api/');
/** Seconds a client is asked to wait while the database is unavailable. */
const RETRY_AFTER_SECONDS = 10;

/** Refuses to build a portal with a service method that does not declare what it does with personal data. */
function mustDeclarePersonalData(services: Services): void {
  const undeclared = undeclaredServiceMethods(services);
  if (undeclared.length > 0) {
    throw new Error(`${undeclared.join(', ')}: every service method declares what it does with personal data (app/personal-data-services.ts)`);
  }
}

/** The Fastify instance: request ids, the body validator's options, proxies, and framework refusals as pages. */
function newApp(services: Services, logger: Logger): FastifyInstance {
  const loggerInstance: FastifyBaseLogger = logger;
  return Fastify({
    loggerInstance,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true } },
    // The routes' schemas compiled once per process, however many servers it builds (the tests build many).
    schemaController: sharedSchemaCompilers,
    routerOptions: { maxParamLength: REQUEST_LIMITS.paramChars },
    // TRUST_PROXY: request.ip is the client behind the configured proxies (rate limits and refusal counts key on it).
    trustProxy: trustProxyOption(services.config.trustProxy),
    // Refusals before a route is found, and Node's parser's (a request line or headers too large): pages in the path's language.
    frameworkErrors: (error, request, reply) => {
      void answerFrameworkError(error, request, reply);
    },
    clientErrorHandler: answerClientError,
  });
}

/** Builds the HTTP server: one readable list of middleware, then the routes, then 404 and errors. */
export async function buildHttp(services: Services, logger: Logger, options: { devMessages?: DevMessages | null; paymentOrigin?: string | null } = {}): Promise<{ app: FastifyInstance; webRoutes: WebRoute[]; requests: RequestsInFlight; maturity: MaturityService }> {
  mustDeclarePersonalData(services);
  const app = newApp(services, logger);
  // Every route must say what it requires: a route without a requirement stops the portal from building.
  app.addHook('onRoute', (options) => {
    if (!options.config?.auth) {
      throw new Error(`${String(options.method)} ${options.url} declares no authorization requirement (config.auth)`);
    }
    if (options.config.auth.kind !== 'public' && !options.preHandler && !options.preValidation) {
      throw new Error(`${String(options.method)} ${options.url} requires ${options.config.auth.kind} but has no gate`);
    }
  });
  // Sign-out posts a form that redirects to the identity provider, so its origins may receive forms.
  // Paying posts a form that redirects to the payment provider, so its origin may receive forms too.
  const paymentOrigin = options.paymentOrigin ?? (services.config.cases.payments ? new URL(services.config.cases.payments.url).origin : null);
  const providerOrigins = [...services.config.identity.providers.map((p) => new URL(p.issuer).origin), ...(paymentOrigin === null ? [] : [paymentOrigin])];
  await registerMiddleware(app, services.config.publicUrl, providerOrigins);
  // Request timings by route pattern, and GET /metrics behind METRICS_TOKEN.
  registerMetrics(app, services);
  await registerSessions(app, services.sessions);
  // With a replica (READ_DATABASE_URL): who reads where, and the cookie that gives read-your-writes.
  registerReadScope(app, services.reads, services.config.identity.secureCookies);
  const requests = trackRequestsInFlight(app); // handlers still running, for the shutdown (after the onSend hooks above)
  registerRequestEdge(app);
  await app.register(rateLimit, { global: false, store: sharedRateLimitStore(services.rateLimiter) });
  registerPlatformRoutes(app, services);
  registerCatalogueApi(app, services.catalogue);
  const maturity = registerMaturity(app, services);
  if (services.payments !== null) {
    registerPaymentsApi(app, services.payments);
  }
  registerSmsApi(app, services.sms);
  registerTransparencyApi(app, services.auditLog);
  registerOpenApi(app, services);
  if (options.devMessages) {
    // A phone in the browser that talks to the inbound webhook: development only, with the other stand-ins.
    (await import('../dev/index.ts')).registerSmsPhone(app, { sms: services.sms, clock: services.clock, webhookSecret: services.config.channels.smsWebhookSecret });
  }
  const identity = services.config.identity;
  const webRoutes = [
    ...catalogueRoutes({ catalogue: services.catalogue, drafts: services.drafts, maturity, feedback: services.feedback }),
    ...maturityRoutes({ maturity }), ...feedbackRoutes({ feedback: services.feedback, catalogue: services.catalogue }, me),
    ...performanceRoutes({ performance: services.performance, catalogue: services.catalogue }),
    ...catalogueEditorRoutes({ editor: services.catalogueEditor, catalogue: services.catalogue, maturity }, me),
    ...(options.devMessages ? (await import('../dev/index.ts')).devRoutes(options.devMessages) : []),
    ...identityRoutes({ sessions: services.sessions, contacts: services.contacts, staff: services.staff, mandates: services.mandates, catalogue: services.catalogue, publicUrl: services.config.publicUrl, cookie: { secure: identity.secureCookies, absoluteHours: identity.sessionAbsoluteHours } }),
    ...officeRoutes({ backOffice: services.backOffice, drafts: services.drafts, cases: services.cases, catalogue: services.catalogue, assisted: services.assisted, collection: services.collection, registries: services.registries }),
    ...applyRoutes(services.drafts, me),
    ...casesRoutes({ cases: services.cases, drafts: services.drafts, receipts: services.receipts, payments: services.payments, catalogue: services.catalogue, publicUrl: services.config.publicUrl, notices: services.notices, collection: services.collection, registries: services.registries, bundles: services.bundles }, me),
    ...inboxRoutes({ notices: services.notices }, me),
    ...proactiveRoutes({ proactive: services.proactive, catalogue: services.catalogue }, me),
    ...oauthRoutes({ access: services.apiAccess }, me),
    ...appointmentRoutes({ appointments: services.appointments, now: () => services.clock.now() }, me),
    ...verifyRoutes(services.receipts),
    ...officeSupervisionRoutes({ backOffice: services.backOffice, payments: services.payments, clock: services.clock }, me),
    ...deadLetterRoutes({ deadLetters: services.deadLetters }, me),
    ...letterRoutes({ letters: services.letters, now: () => services.clock.now() }, me),
    ...assistedRoutes({ assisted: services.assisted }, me),
    ...queueRoutes({ queue: services.queue }, me),
    ...collectionRoutes({ collection: services.collection, catalogue: services.catalogue }, me),
    ...noticeTemplateRoutes({ previews: services.noticePreviews }, me),
    ...callRoutes({ contactCentre: services.contactCentre, callbackWorkingDays: services.config.contactCentre.callbackWorkingDays, now: () => services.clock.now() }, me),
    ...appealRoutes({ appeals: services.appeals, catalogue: services.catalogue, cases: services.cases, accessLog: services.accessLog }, me),
    ...accessLogRoutes({ accessLog: services.accessLog, catalogue: services.catalogue }, me),
    ...consentRoutes({ consent: services.consent, now: () => services.clock.now() }, me),
    ...bundlesRoutes(services.bundles, me),
    ...appealIntakeRoutes({ appeals: services.appeals, catalogue: services.catalogue, callers: services.contactCentre }, me),
    ...visitRoutes({ appointments: services.appointments, visitors: services.visitors, callers: services.contactCentre, now: () => services.clock.now() }, me),
  ];
  for (const route of webRoutes) {
    // One Fastify route per pattern of the route's path declaration (each language, or the one without).
    // Sign-in callbacks are rate limited by the sessions service, keyed on the sign-in request and the address (ADR 0012).
    for (const { lang, url } of route.path.patterns) {
      const config = { auth: route.auth, params: route.path.checked, path: route.path, personalData: personalDataUseOf(route), writes: route.writes === true };
      Object.assign(config, uploadConfig(route.upload));
      app.route({ method: route.method, url, handler: async (request, reply) => route.handler(request, reply, lang), preHandler: guard(route, services.sessions), config, schema: { hide: true } });
    }
  }
  registerErrorHandling(app);
  return { app, webRoutes, requests, maturity };
}

/** The open API's scopes as the OpenAPI document names them (PERSON_ONLY_SCOPES only with a person's own token). */
const API_SCOPE_WORDS = {
  applications: 'Drafts, submissions and answers to information requests', cases: 'Cases, decisions and information requests', payments: 'Fees due on cases and paying them',
  inbox: 'The person\'s messages (a person\'s own token only)', appointments: 'Free slots at centres, booking and cancelling visits (a person\'s own token only)',
} satisfies Record<ApiScope, string>;

/** The open API (ADR 0026): the token endpoint; a person's applications, cases, payments, inbox and appointments for registered clients. */
function registerOpenApi(app: FastifyInstance, services: Services): void {
  registerOAuthApi(app, services.apiAccess);
  registerApplicationsApi(app, { access: services.apiAccess, principals: services.apiPrincipals, drafts: services.drafts, cases: services.cases, notices: services.notices });
  registerCabinetApi(app, {
    access: services.apiAccess, principals: services.apiPrincipals, drafts: services.drafts, cases: services.cases, payments: services.payments, notices: services.notices,
    appointments: services.appointments, publicUrl: services.config.publicUrl,
  });
}

/** What a staff route does with personal data (web/common/personal-data.ts); a staff route without a declaration stops the portal from building. */
function personalDataUseOf(route: WebRoute): PersonalDataUse | undefined {
  const use = PERSONAL_DATA[`${route.method} ${route.path.name}` as keyof typeof PERSONAL_DATA];
  if (use === undefined && route.auth.kind === 'staff') {
    throw new Error(`${route.method} ${route.path.name}: a staff route declares what it does with personal data (web/common/personal-data.ts)`);
  }
  return use;
}

/** A hop count becomes the function Fastify's types ask for (the proxies nearest to us are trusted). */
function trustProxyOption(setting: boolean | number | string[]): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}

async function registerMiddleware(app: FastifyInstance, publicUrl: string, formTargets: readonly string[]): Promise<void> {
  // 1. Security headers: a strict CSP, since the portal ships no script at all. Helmet's middleware is
  // made once; the Fastify plugin would make it again for every request (parsing the policy each time).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], scriptSrc: ["'none'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], formAction: ["'self'", ...formTargets], frameAncestors: ["'none'"] },
    },
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error) => done(error instanceof Error ? error : undefined));
  });
  // 2. The correlation id on every response.
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  // 3. OpenAPI 3.1, generated from the schemas the routes validate with.
  for (const schema of [ServiceOut, OrganisationOut, CentreOut, EventOut, ProblemOut, { ...ServicePageOut, $id: 'ServicePage' }, DraftOut, CaseOut]) {
    app.addSchema(schema);
  }
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Portico API', version: '1.0.0',
        description: 'The national catalogue of public services (CPSV-AP 3.2.0); for registered clients, a person\'s applications and cases (OAuth 2.0: client credentials for partners acting under a mandate, authorization code with PKCE for public clients; ADR 0026).',
      },
      servers: [{ url: publicUrl }],
      components: {
        securitySchemes: {
          oauth2: {
            type: 'oauth2',
            description: 'Access tokens of registered clients. A partner names the person it acts for in X-Portico-On-Behalf-Of (their national id) and acts under that person\'s mandate to its organisation.',
            flows: {
              clientCredentials: { tokenUrl: `${publicUrl}/api/v1/oauth/token`, scopes: API_SCOPE_WORDS },
              authorizationCode: { authorizationUrl: `${publicUrl}/uk/oauth/authorize`, tokenUrl: `${publicUrl}/api/v1/oauth/token`, scopes: API_SCOPE_WORDS },
            },
          },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (typeof json['$id'] === 'string' ? json['$id'] : `def-${i}`) },
    transform: ({ schema, url }) => ({ schema: isApi(url) ? schema : { ...schema, hide: true }, url }),
  });
  // 4. Compression of pages and JSON (brotli or gzip, as accepted); the stylesheet comes precompressed.
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024, brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } } });
  // 5. The stylesheet (content-hashed, immutable) and the site icons; public.
  await registerAssets(app);
}

function registerPlatformRoutes(app: FastifyInstance, services: Services): void {
  const hidden = { schema: { hide: true }, config: { auth: PUBLIC } };
  app.get('/', hidden, async (request, reply) => {
    const accepts = request.headers['accept-language'] ?? '';
    return reply.redirect(/^en\b/i.test(accepts) ? '/en/' : '/uk/', 302);
  });
  for (const lang of ['uk', 'en']) {
    app.get(`/${lang}`, hidden, async (_request, reply) => reply.redirect(`/${lang}/`, 301));
  }
  app.get('/healthz', hidden, async () => ({ status: 'ok' }));
  // Ready when the database answers `SELECT 1` within 2 s; liveness (/healthz) does not depend on it.
  app.get('/readyz', hidden, async (_request, reply) =>
    (await answersWithin(services.db, 2000)) ? { status: 'ready' } : reply.code(503).header('retry-after', String(RETRY_AFTER_SECONDS)).send({ status: 'unavailable' }),
  );
  app.get('/api/openapi.json', hidden, async () => app.swagger());
}

function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler(async (request, reply) =>
    isApi(request.url)
      ? sendProblem(reply, { type: `${PROBLEM_BASE}not-found`, title: 'Not found', status: 404, code: 'http.not_found', instance: request.url })
      : sendNotFoundPage(request, reply),
  );
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error.validation) {
      return badRequest(error, request, reply);
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'request failed: the database is unavailable');
      void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return isApi(request.url)
        ? sendProblem(reply, { type: `${PROBLEM_BASE}unavailable`, title: 'Service unavailable', status: 503, code: 'database.unavailable', detail: `Try again in ${RETRY_AFTER_SECONDS} seconds`, instance: request.url })
        : sendUnavailablePage(request, reply);
    }
    const answered = answerRequestError(error, request, reply);
    if (answered !== null) {
      return answered;
    }
    request.log.error({ err: error }, 'request failed');
    return isApi(request.url)
      ? sendProblem(reply, { type: `${PROBLEM_BASE}internal`, title: 'Internal error', status: 500, detail: `Reference ${request.id}`, instance: request.url })
      : sendServerErrorPage(request, reply);
  });
}

/** A request that failed its schema: problem+json with a JSON Pointer per problem, or a page saying what is wrong. */
function badRequest(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const errors = (error.validation ?? []).map((v) => {
    const extra = v.keyword === 'additionalProperties' ? `/${String(v.params['additionalProperty'])}` : v.keyword === 'required' ? `/${String(v.params['missingProperty'])}` : '';
    const detail = v.keyword === 'additionalProperties' ? 'is not a known parameter' : (v.message ?? 'is invalid');
    return { pointer: `${v.instancePath || ''}${extra}` || '/', detail };
  });
  if (!isApi(request.url)) {
    return sendBadRequestPage(request, reply, 400, errors.map((e) => `${e.pointer}: ${e.detail}`));
  }
  return sendProblem(reply, {
    type: `${PROBLEM_BASE}invalid-request`,
    title: 'Invalid request',
    status: 400,
    code: 'request.invalid',
    detail: `The ${error.validationContext ?? 'request'} has ${errors.length} problem(s)`,
    errors,
    instance: request.url,
  });
}
