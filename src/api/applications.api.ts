/**
 * The open API's applications and cases (ADR 0026): a person's drafts, files, submission under an
 * Idempotency-Key, their cases and decisions, over the same services as the web pages. The gate
 * (api-gate.ts) decides who the call stands for; the services decide what that person may do.
 */
import { createHash } from 'node:crypto';

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';

import { canonicalJson } from '../kernel/canonical-json.ts';
import type { AppError } from '../kernel/errors.ts';
import type { ApiAccess } from '../modules/api-access/index.ts';
import type { Attachment, Draft, DraftsService } from '../modules/applications/index.ts';
import type { CaseRecord, CasesService } from '../modules/cases/index.ts';
import type { ApiPrincipals, ApiScope } from '../modules/identity/index.ts';
import type { NoticesService } from '../modules/notifications/index.ts';
import { PROBLEM_BASE, sendProblem } from '../platform/http/problem.ts';
import { isReceivedFile } from '../web/common/upload-stream.ts';
import { apiGate, ON_BEHALF_HEADER, principalOf, registerApiAudit } from './api-gate.ts';

const PROBLEM = { $ref: 'Problem#' };
const DRAFT = { $ref: 'Draft#' };
const CASE = { $ref: 'Case#' };
const Uuid = Type.String({ format: 'uuid' });
const DraftParams = Type.Object({ draftId: Uuid }, { additionalProperties: false });
const CaseParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const AnswerValue = Type.Union([Type.String({ maxLength: 10_000 }), Type.Array(Type.String({ maxLength: 1000 }), { maxItems: 50 })]);
const OnBehalf = Type.Object({ [ON_BEHALF_HEADER]: Type.Optional(Type.String({ description: 'A partner: the national id of the person it acts for under their mandate to its organisation' })) });
const SECURITY = [{ oauth2: [] as string[] }];

export const DraftOut = Type.Object({
  id: Uuid, serviceId: Type.String(), version: Type.Integer(), answers: Type.Record(Type.String(), Type.Unknown()), expiresAt: Type.String({ format: 'date-time' }),
  files: Type.Array(Type.Object({ id: Uuid, field: Type.String(), filename: Type.String(), contentType: Type.String(), sizeBytes: Type.Integer(), sha256: Type.String() })),
}, { $id: 'Draft' });
export const CaseOut = Type.Object({
  id: Uuid, number: Type.String(), serviceId: Type.String(), state: Type.String(), outcome: Type.Union([Type.String(), Type.Null()]), channel: Type.String(),
  submittedAt: Type.String({ format: 'date-time' }), dueOn: Type.Union([Type.String(), Type.Null()]), decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  fee: Type.Object({ amountKopecks: Type.Integer(), status: Type.String() }),
}, { $id: 'Case' });
const CaseDetailOut = Type.Composite([Type.Object(CaseOut.properties), Type.Object({
  documents: Type.Array(Type.Object({ id: Uuid, kind: Type.String(), number: Type.String(), issuedAt: Type.String({ format: 'date-time' }), status: Type.String(), href: Type.String() })),
  informationRequests: Type.Array(Type.Object({ id: Uuid, question: Type.String(), askedAt: Type.String({ format: 'date-time' }), answeredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]) })),
})]);

/** The answers' statuses for each failure code of the services (stable codes pass through). */
const STATUS: Readonly<Record<string, number>> = {
  'applications.service_not_found': 404, 'applications.draft_not_found': 404, 'applications.other_party': 404, 'applications.page_not_found': 404,
  'applications.not_online': 422, 'applications.audience': 403, 'applications.not_allowed': 403, 'applications.stale': 409,
  'applications.incomplete': 422, 'applications.declaration': 422, 'applications.applied_already': 409, 'applications.quota': 409, 'applications.storage_quota': 409, 'applications.storage_full': 507,
};

/** A service's refusal as a problem document: its stable code, a status for it, and the field at fault as a JSON Pointer. */
export function failure(request: FastifyRequest, reply: FastifyReply, error: AppError, pointerBase = '', statuses: Readonly<Record<string, number>> = {}): FastifyReply {
  const issues = (error as { issues?: ReadonlyArray<{ field: string; keyword: string }> }).issues;
  const own = (error as { field?: unknown }).field;
  const field = typeof error.meta['field'] === 'string' ? error.meta['field'] : typeof own === 'string' ? own : null;
  const errors = issues !== undefined ? issues.map((i) => ({ pointer: `${pointerBase}/${i.field}`, detail: i.keyword }))
    : field !== null ? [{ pointer: `/${field}`, detail: error.message }] : undefined;
  const status = statuses[error.code] ?? STATUS[error.code] ?? (error.code.startsWith('applications.file') || error.code.startsWith('applications.not_a_file') ? 422 : 400);
  return sendProblem(reply, { type: `${PROBLEM_BASE}${error.code.replace(/[._]/g, '-')}`, title: 'Refused', status, code: error.code, detail: error.message, instance: request.url, ...(errors === undefined ? {} : { errors }) });
}

export const notFound = (request: FastifyRequest, reply: FastifyReply, what: string) =>
  sendProblem(reply, { type: `${PROBLEM_BASE}not-found`, title: 'Not found', status: 404, code: `api.${what}_not_found`, instance: request.url });

const draftOut = (d: Draft, files: readonly Attachment[]) => ({
  id: d.id, serviceId: d.serviceId, version: d.version, answers: d.answers, expiresAt: d.expiresAt.toISOString(),
  files: files.map((f) => ({ id: f.id, field: f.field, filename: f.filename, contentType: f.contentType, sizeBytes: f.sizeBytes, sha256: f.sha256 })),
});
export const caseOut = (c: CaseRecord) => ({
  id: c.id, number: c.number, serviceId: c.serviceId, state: c.state, outcome: c.outcome, channel: c.channel, submittedAt: c.submittedAt.toISOString(),
  dueOn: c.dueOn, decidedAt: c.decidedAt?.toISOString() ?? null, fee: { amountKopecks: c.feeAmount, status: c.feeStatus },
});

export interface ApplicationsApiDeps {
  readonly access: ApiAccess;
  readonly principals: ApiPrincipals;
  readonly drafts: DraftsService;
  readonly cases: CasesService;
  /** A decision's download is recorded on its notices in the inbox, as in the web. */
  readonly notices: Pick<NoticesService, 'decisionDownloaded'>;
}

export function registerApplicationsApi(app: FastifyInstance, deps: ApplicationsApiDeps): void {
  void app.register(async (scope) => {
    registerApiAudit(scope, deps.access);
    const gate = apiGate(deps.access, deps.principals);
    const auth = (s: ApiScope) => ({ auth: { kind: 'api', scope: s } as const });
    // The gate runs before the body's validation: a caller without a token learns nothing of the schemas.
    const common = (s: ApiScope) => ({ config: auth(s), preValidation: gate });
    draftRoutes(scope, deps, common);
    caseRoutes(scope, deps, common);
  });
}

type Common = (s: ApiScope) => { config: { auth: { kind: 'api'; scope: ApiScope } }; preValidation: ReturnType<typeof apiGate> };

function draftRoutes(app: FastifyInstance, deps: ApplicationsApiDeps, common: Common): void {
  const { drafts } = deps;
  const tags = ['applications'];
  app.post('/api/v1/drafts', {
    ...common('applications'),
    schema: { summary: 'Start a draft application for a service', tags, security: SECURITY, headers: OnBehalf, body: Type.Object({ serviceId: Type.String({ maxLength: 80 }) }, { additionalProperties: false }), response: { 201: DRAFT, 400: PROBLEM, 401: PROBLEM, 403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM } },
  }, async (request, reply) => {
    const started = await drafts.start(principalOf(request), (request.body as { serviceId: string }).serviceId);
    return started.ok ? reply.code(201).send(draftOut(started.value, [])) : failure(request, reply, started.error);
  });

  app.get('/api/v1/drafts/:draftId', {
    ...common('applications'),
    schema: { summary: 'A draft with its answers and files', tags, security: SECURITY, headers: OnBehalf, params: DraftParams, response: { 200: DRAFT, 401: PROBLEM, 403: PROBLEM, 404: PROBLEM } },
  }, async (request, reply) => {
    const view = await drafts.get(principalOf(request), (request.params as { draftId: string }).draftId);
    return view.ok ? draftOut(view.value.draft, view.value.attachments) : failure(request, reply, view.error);
  });

  app.put('/api/v1/drafts/:draftId/pages/:pageId', {
    ...common('applications'),
    schema: {
      summary: 'Answer one page of the draft\'s form (as the web form does); answers with problems are kept and reported', tags, security: SECURITY, headers: OnBehalf,
      params: Type.Object({ draftId: Uuid, pageId: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 }) }, { additionalProperties: false }),
      body: Type.Object({ answers: Type.Record(Type.String({ maxLength: 80 }), AnswerValue, { maxProperties: 100 }) }, { additionalProperties: false }),
      response: { 200: DRAFT, 400: PROBLEM, 401: PROBLEM, 403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM },
    },
  }, async (request, reply) => {
    const { draftId, pageId } = request.params as { draftId: string; pageId: string };
    const signedIn = principalOf(request);
    const saved = await drafts.savePage(signedIn, draftId, pageId, (request.body as { answers: Record<string, string | string[]> }).answers);
    if (!saved.ok) {
      return failure(request, reply, saved.error);
    }
    if (saved.value.issues.length > 0) {
      return sendProblem(reply, {
        type: `${PROBLEM_BASE}answers-invalid`, title: 'Answers with problems', status: 422, code: 'applications.answers_invalid', instance: request.url,
        detail: 'The answers were kept as given; these need changing', errors: saved.value.issues.map((i) => ({ pointer: `/answers/${i.field}`, detail: i.keyword })),
      });
    }
    const view = await drafts.get(signedIn, draftId);
    return view.ok ? draftOut(view.value.draft, view.value.attachments) : failure(request, reply, view.error);
  });

  app.post('/api/v1/drafts/:draftId/files', {
    ...common('applications'),
    config: { ...common('applications').config, upload: { files: 1, limitBytes: (request: FastifyRequest) => drafts.uploadLimitBytes((request.params as { draftId?: string }).draftId ?? '') } },
    schema: {
      summary: 'Attach a file to a file question of the draft (multipart/form-data, one file whose part name is the question); checked by content as in the web', tags, security: SECURITY, headers: OnBehalf,
      params: DraftParams, consumes: ['multipart/form-data'], response: { 201: DRAFT, 400: PROBLEM, 401: PROBLEM, 403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 413: PROBLEM, 422: PROBLEM },
    },
  }, async (request, reply) => {
    const { draftId } = request.params as { draftId: string };
    const signedIn = principalOf(request);
    const file = Object.values((request.body ?? {}) as Record<string, unknown>).find(isReceivedFile);
    if (file === undefined) {
      return sendProblem(reply, { type: `${PROBLEM_BASE}file-missing`, title: 'No file', status: 422, code: 'applications.file_missing', instance: request.url, errors: [{ pointer: '/', detail: 'a multipart part with a file is required' }] });
    }
    const done = await drafts.upload(signedIn, draftId, { field: file.fieldname, filename: file.filename, bytes: file.received.bytes, truncated: file.received.truncated });
    if (!done.ok) {
      return failure(request, reply, done.error);
    }
    const view = await drafts.get(signedIn, draftId);
    return view.ok ? reply.code(201).send(draftOut(view.value.draft, view.value.attachments)) : failure(request, reply, view.error);
  });

  submitRoute(app, deps, common);
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function submitRoute(app: FastifyInstance, { drafts, access, cases }: ApplicationsApiDeps, common: Common): void {
  app.post('/api/v1/drafts/:draftId/submit', {
    ...common('applications'),
    schema: {
      summary: 'Submit the draft: opens a case. The same Idempotency-Key with the same body answers the same case; with another body, 409',
      tags: ['applications'], security: SECURITY, params: DraftParams,
      headers: Type.Composite([OnBehalf, Type.Object({ 'idempotency-key': Type.String({ minLength: 8, maxLength: 100, pattern: '^[\\x21-\\x7e]+$' }) })]),
      body: Type.Object({ declared: Type.Literal(true, { description: 'The applicant declares the answers true' }), lang: Type.Optional(Type.Union([Type.Literal('uk'), Type.Literal('en')])) }, { additionalProperties: false }),
      response: { 201: CASE, 400: PROBLEM, 401: PROBLEM, 403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM },
    },
  }, async (request, reply) => {
    const { draftId } = request.params as { draftId: string };
    const body = request.body as { declared: true; lang?: 'uk' | 'en' };
    const key = request.headers['idempotency-key'] as string;
    const signedIn = principalOf(request);
    const caller = request.apiCaller;
    if (caller === null) {
      throw new Error('submit ran without its gate');
    }
    const requestSha256 = sha256(canonicalJson({ draftId, body }));
    const reused = () => sendProblem(reply, { type: `${PROBLEM_BASE}idempotency-key-reused`, title: 'Idempotency key reused', status: 409, code: 'api.idempotency_key_reused', detail: 'This Idempotency-Key was used with another request', instance: request.url, errors: [{ pointer: '/headers/idempotency-key', detail: 'used with another request' }] });
    const answer = async (caseId: string) => {
      const view = await cases.forApplicant(signedIn, caseId);
      return view === null ? notFound(request, reply, 'case') : reply.code(201).send(caseOut(view.case));
    };
    const earlier = await access.earlierSubmission(caller.clientId, signedIn.person.id, key);
    if (earlier !== null) {
      return earlier.requestSha256 === requestSha256 ? answer(earlier.caseId) : reused();
    }
    const submitted = await drafts.submit(signedIn, draftId, { idempotencyKey: `api:${caller.clientId}:${key}`, declared: body.declared, channel: 'api', lang: body.lang ?? 'uk' });
    if (!submitted.ok) {
      return failure(request, reply, submitted.error, '/answers');
    }
    await access.rememberSubmission(caller, signedIn.person.id, key, requestSha256, submitted.value.id);
    // A concurrent request with the same key and another body may have been remembered first: then this one is the reuse.
    const kept = await access.earlierSubmission(caller.clientId, signedIn.person.id, key);
    return kept !== null && kept.requestSha256 !== requestSha256 ? reused() : reply.code(201).send(caseOut(submitted.value));
  });
}

function caseRoutes(app: FastifyInstance, { cases, notices }: ApplicationsApiDeps, common: Common): void {
  const tags = ['cases'];
  app.get('/api/v1/cases', {
    ...common('cases'),
    schema: { summary: 'The person\'s cases, newest first (the first page)', tags, security: SECURITY, headers: OnBehalf, response: { 200: Type.Object({ items: Type.Array(Type.Ref('Case')) }), 401: PROBLEM, 403: PROBLEM } },
  }, async (request) => ({ items: (await cases.mine(principalOf(request))).rows.map(caseOut) }));

  app.get('/api/v1/cases/:id', {
    ...common('cases'),
    schema: { summary: 'One case: its state, documents and information requests', tags, security: SECURITY, headers: OnBehalf, params: CaseParams, response: { 200: CaseDetailOut, 401: PROBLEM, 403: PROBLEM, 404: PROBLEM } },
  }, async (request, reply) => {
    const view = await cases.forApplicant(principalOf(request), (request.params as { id: string }).id);
    if (view === null) {
      return notFound(request, reply, 'case');
    }
    return {
      ...caseOut(view.case),
      documents: view.documents.map((d) => ({ id: d.id, kind: d.kind, number: d.number, issuedAt: d.issuedAt.toISOString(), status: d.status, href: `/api/v1/cases/${view.case.id}/documents/${d.id}` })),
      informationRequests: view.requests.map((r) => ({ id: r.id, question: r.question, askedAt: r.askedAt.toISOString(), answeredAt: r.answeredAt?.toISOString() ?? null })),
    };
  });

  app.get('/api/v1/cases/:id/documents/:documentId', {
    ...common('cases'),
    schema: {
      summary: 'A decision or other issued document of the case, as its sealed PDF', tags, security: SECURITY, headers: OnBehalf,
      params: Type.Object({ id: Uuid, documentId: Uuid }, { additionalProperties: false }), produces: ['application/pdf'],
      response: { 200: Type.String({ contentMediaType: 'application/pdf' }), 401: PROBLEM, 403: PROBLEM, 404: PROBLEM },
    },
  }, async (request, reply) => {
    const { id, documentId } = request.params as { id: string; documentId: string };
    const doc = await cases.documentForApplicant(principalOf(request), id, documentId);
    if (doc !== null) {
      await notices.decisionDownloaded(principalOf(request), documentId);
    }
    return doc === null ? notFound(request, reply, 'document') : reply.type('application/pdf').header('content-disposition', `attachment; filename="${doc.number}.pdf"`).send(Buffer.from(doc.pdf));
  });
}
