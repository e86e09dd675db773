import type { FastifyReply, FastifyRequest } from 'fastify';

import type { Lang } from '../../kernel/text.ts';
import {
  type AssistedFilingService, BASES_OF, FilingIncomplete, type FilingProblemCode, MAX_ADDRESS, MAX_NAME, MAX_RECEIVED_AGE_DAYS, MAX_SCANS, MAX_SENDER, SCANS_FIELD, type Upload,
} from '../../modules/applications/index.ts';
import { caseRolesFor } from '../../modules/cases/index.ts';
import { ASSISTED_CHANNELS, type AssistedChannel, type SignedIn } from '../../modules/identity/index.ts';
import { answerMessage, applicationMessage } from '../apply/errors.ts';
import { textBody } from '../apply/form-body.ts';
import type { FieldError } from '../common/components.tsx';
import { sendNotFoundPage } from '../common/error-pages.tsx';
import { type DateParts, type DateProblem, formString, readDateInput } from '../common/form-values.ts';
import { dateProblemText } from '../common/inputs.tsx';
import { MessagePage } from '../common/message.page.tsx';
import { PATHS, paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { type WebRoute, route } from '../common/route-table.ts';
import { receivedFiles } from '../common/upload-stream.ts';
import { AssistedFiledPage, AssistedFormPage, AssistedStartPage } from './assisted.page.tsx';
import { officeNavItems } from './office-nav.tsx';

/** The staff who file for a person: the post room's clerks, the front desk, the contact centre (which services each may file, the policy decides). */
const FILING_STAFF = { kind: 'staff', roles: ['clerk', 'front-desk', 'contact-centre'] } as const;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function badQuery(request: FastifyRequest, reply: FastifyReply, lang: Lang) {
  const ctx = pageContext(request);
  return sendPage(reply, 400, <MessagePage ctx={ctx} title={ctx.t('assisted.start.title')} text={ctx.t('assisted.badQuery')} back={paths.assisted(lang)} backLabel={ctx.t('assisted.start.title')} />);
}

/** The channel and service a filing page names in its query, if they are well formed. */
function target(request: FastifyRequest): { channel: AssistedChannel; serviceId: string } | null {
  const { channel, service } = request.query as { channel?: unknown; service?: unknown };
  const known = typeof channel === 'string' && (ASSISTED_CHANNELS as readonly string[]).includes(channel);
  return known && typeof service === 'string' && SLUG.test(service) && service.length <= 100 ? { channel: channel as AssistedChannel, serviceId: service } : null;
}

/** Assisted filing in the back office: the services one may file for a person, the filing form, what was filed. */
export function assistedRoutes(deps: { assisted: AssistedFilingService }, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  const { assisted } = deps;
  const form = formPage(assisted, me);
  const fileIt = filing(assisted, me, form);
  return [
    route(PATHS.assisted, 'GET', FILING_STAFF, async (request, reply, { lang }) => {
      const signedIn = me(request);
      const channels = await Promise.all(assisted.channels(signedIn).map(async (channel) => ({
        channel, services: (await assisted.services(signedIn, channel)).map((s) => ({ id: s.id, name: s.name[lang] })).sort((a, b) => a.name.localeCompare(b.name, lang)),
      })));
      return sendPage(reply, 200, <AssistedStartPage ctx={pageContext(request)} view={{ channels, nav: officeNavItems(signedIn) }} />);
    }),
    route(PATHS.assistedFile, 'GET', FILING_STAFF, async (request, reply, { lang }) => {
      const at = target(request);
      return at === null ? badQuery(request, reply, lang) : form(request, reply, at, 200, {}, [], { day: '', month: '', year: '' }, null, crypto.randomUUID());
    }),
    route(PATHS.assistedFile, 'POST', FILING_STAFF, async (request, reply, { lang }) => fileIt(request, reply, lang), {
      upload: { files: MAX_SCANS + 10, fields: 200, limitBytes: async (request) => { const at = target(request); return at === null ? 0 : assisted.uploadLimitBytes(at.serviceId); } },
    }),
    route(PATHS.assistedFiled, 'GET', FILING_STAFF, async (request, reply, { lang, params }) => {
      const signedIn = me(request);
      const filed = await assisted.filed(signedIn, params.id);
      if (filed === null) {
        return sendNotFoundPage(request, reply);
      }
      const view = {
        case: filed.case, filing: filed.filing, serviceName: filed.service?.name[lang] ?? filed.case.serviceId, nav: officeNavItems(signedIn),
        caseLink: caseRolesFor(signedIn.actor, filed.case.organisationId).length > 0 ? paths.officeCase(lang, filed.case.id) : null,
      };
      return sendPage(reply, 200, <AssistedFiledPage ctx={pageContext(request)} view={view} />);
    }),
  ];
}

/** POST of the filing form: files, or shows the form again with every problem (400). */
function filing(assisted: AssistedFilingService, me: (r: FastifyRequest) => SignedIn, form: ReturnType<typeof formPage>) {
  return async function fileIt(request: FastifyRequest, reply: FastifyReply, lang: Lang) {
    const at = target(request);
    if (at === null) {
      return badQuery(request, reply, lang);
    }
    const allowed = await assisted.allowed(me(request), at.channel, at.serviceId);
    if (!allowed.ok) {
      return sendNotFoundPage(request, reply);
    }
    const body = textBody(request.body);
    const field = (name: string) => formString(request.body, name);
    const date = readDateInput(request.body, 'receivedOn');
    const fileFields = allowed.value.form.pages.flatMap((p) => p.fields).filter((f) => f.kind === 'file').map((f) => f.name);
    const uploads: Upload[] = [SCANS_FIELD, ...fileFields].flatMap((name) => receivedFiles(request.body, name).map((f) => ({
      field: name, filename: f.filename, bytes: f.received.bytes, truncated: f.received.truncated,
    })));
    const given = field('idempotencyKey');
    const key = /^[A-Za-z0-9-]{8,80}$/.test(given) ? given : crypto.randomUUID();
    const filed = await assisted.file(me(request), {
      channel: at.channel, serviceId: at.serviceId, nationalId: field('nationalId'), givenName: field('givenName'), familyName: field('familyName'), address: field('address'),
      sender: field('sender'), receivedOn: date.ok === true ? date.iso : date.ok === 'empty' ? '' : 'not-a-day', basis: field('basis'), declared: field('declaration') === 'yes',
      lang, idempotencyKey: key, body, uploads,
    });
    if (filed.ok) {
      return reply.redirect(paths.assistedFiled(lang, filed.value.id), 303);
    }
    if (!(filed.error instanceof FilingIncomplete)) {
      if (filed.error.code === 'applications.storage_full') {
        const ctx = pageContext(request);
        return sendPage(reply, 507, <MessagePage ctx={ctx} title={ctx.t('assisted.start.title')} text={ctx.t('applyError.storage-full')} back={paths.assisted(lang)} backLabel={ctx.t('assisted.start.title')} />);
      }
      return sendNotFoundPage(request, reply);
    }
    const { t } = pageContext(request);
    const e = filed.error;
    const dateProblem: DateProblem | null = date.ok === false ? date.problem : null;
    const limits = { n: 0, days: MAX_RECEIVED_AGE_DAYS };
    const limitOf = (code: string) => (code.startsWith('name') ? MAX_NAME : code.startsWith('address') ? MAX_ADDRESS : code.startsWith('sender') ? MAX_SENDER : MAX_SCANS);
    const problem = (p: { field: string; code: string }): FieldError => ({
      field: p.field, message: p.field === 'receivedOn' && dateProblem !== null ? dateProblemText(t, dateProblem) : t(`assistedError.${p.code as FilingProblemCode}`, { ...limits, n: limitOf(p.code) }),
    });
    const fields = allowed.value.form.pages.flatMap((p) => p.fields);
    const before = e.problems.filter((p) => !['scans', 'declaration'].includes(p.field)).map(problem);
    const answers = e.issues.flatMap((i) => {
      const f = fields.find((x) => x.name === i.field);
      return f === undefined ? [] : [{ field: i.field, message: answerMessage(t, f, i) }];
    });
    const files = e.files.map((f) => ({ field: f.field, message: applicationMessage(t, f.refusal, allowed.value.form.maxAttachmentMb) }));
    const after = e.problems.filter((p) => ['scans', 'declaration'].includes(p.field)).map(problem);
    const errors = [...before, ...answers, ...files, ...after].filter((x, i, all) => all.findIndex((y) => y.field === x.field) === i);
    const values: Record<string, unknown> = { ...body };
    return form(request, reply, at, 400, values, errors, date.parts, dateProblem, key);
  };
}

function formPage(assisted: AssistedFilingService, me: (r: FastifyRequest) => SignedIn) {
  return async (request: FastifyRequest, reply: FastifyReply, at: { channel: AssistedChannel; serviceId: string }, status: number, values: Record<string, unknown>, errors: FieldError[], received: DateParts, receivedProblem: DateProblem | null, key: string) => {
    const signedIn = me(request);
    const allowed = await assisted.allowed(signedIn, at.channel, at.serviceId);
    if (!allowed.ok) {
      return sendNotFoundPage(request, reply);
    }
    const ctx = pageContext(request);
    const { service, form, registerFields } = allowed.value;
    const view = {
      channel: at.channel, serviceId: service.id, serviceName: service.name[ctx.lang], form, registerFields, bases: BASES_OF[at.channel], values, received, receivedProblem, errors,
      idempotencyKey: key, csrf: signedIn.session.csrfToken, maxScans: MAX_SCANS, maxAgeDays: MAX_RECEIVED_AGE_DAYS, nav: officeNavItems(signedIn),
    };
    return sendPage(reply, status, <AssistedFormPage ctx={ctx} view={view} />);
  };
}
