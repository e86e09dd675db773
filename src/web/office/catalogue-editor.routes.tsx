import type { FastifyReply, FastifyRequest } from 'fastify';

import {
  type CatalogueEditor, type CatalogueService, diffRecords, parseVersionKey, type ServiceRecord, type VersionKey, versionKeyText,
} from '../../modules/catalogue/index.ts';
import type { SignedIn } from '../../modules/identity/index.ts';
import type { MaturityService } from '../../modules/maturity/index.ts';
import { ServicePage } from '../catalogue/service.page.tsx';
import { sendNotFoundPage } from '../common/error-pages.tsx';
import { formString } from '../common/form-values.ts';
import { NotificationBanner } from '../common/govuk.tsx';
import { PATHS } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { type WebRoute, route } from '../common/route-table.ts';
import type { TextKey } from '../locales/messages.ts';
import { officeNavItems } from './office-nav.tsx';
import {
  CatalogueComparePage, CatalogueDraftPage, CatalogueEditPage, CatalogueListPage, CatalogueServicePage, versionLabel,
} from './catalogue-editor.pages.tsx';
import { editErrors, recordFrom, valuesOf } from './catalogue-editor.view.ts';
import { CataloguePublishPage } from './catalogue-publish.page.tsx';

const EDITORS = { kind: 'staff', roles: ['catalogue-editor'] } as const;

/** A draft's number from its path segment (the edge checked it is a slug): a positive whole number, or null (not found). */
const numberOf = (text: string): number | null => (/^[1-9][0-9]{0,5}$/.test(text) ? Number(text) : null);

type Deps = { editor: CatalogueEditor; catalogue: Pick<CatalogueService, 'organisations' | 'events' | 'centres'>; maturity: Pick<MaturityService, 'ofService'> };
type Me = (r: FastifyRequest) => SignedIn;

/** What the editor's routes share: where a form starts, and the edit and draft pages. */
function editorPages(deps: Deps, me: Me) {
  const { editor } = deps;

  /** The record a form starts from: the newest draft of the current version, else the current version. */
  const startingPoint = async (signedIn: SignedIn, id: string, asked: VersionKey | null) => {
    const versions = await editor.versions(signedIn, id);
    if (!versions.ok) {
      return null;
    }
    const { current, drafts } = versions.value;
    const key: VersionKey = asked ?? (() => {
      const newest = drafts.find((d) => d.published === null && d.baseVersion === current.version);
      return newest ? { kind: 'draft', number: newest.number } : { kind: 'published', number: current.version };
    })();
    const record = await editor.version(signedIn, id, key);
    return record.ok ? { current, key, record: record.value } : null;
  };

  const sendEdit = (request: FastifyRequest, reply: FastifyReply, status: number, p: { id: string; name: string; key: VersionKey; values: Record<string, string>; errors: ReturnType<typeof editErrors>; feeCount: number }) => {
    const ctx = pageContext(request);
    return sendPage(reply, status, (
      <CatalogueEditPage ctx={ctx} signedIn={me(request)} service={{ id: p.id, name: p.name }} base={versionKeyText(p.key)} baseLabel={versionLabel(ctx, p.key)}
        values={p.values} errors={p.errors} feeCount={p.feeCount} />
    ));
  };

  const sendDraft = async (request: FastifyRequest, reply: FastifyReply, id: string, number: number, extra: { status?: number; banner?: string; refusal?: string } = {}) => {
    const signedIn = me(request);
    const view = await editor.draft(signedIn, id, number);
    if (!view.ok) {
      return sendNotFoundPage(request, reply);
    }
    return sendPage(reply, extra.status ?? 200, <CatalogueDraftPage ctx={pageContext(request)} view={view.value} banner={extra.banner} refusal={extra.refusal} />);
  };

  return { startingPoint, sendEdit, sendDraft };
}

/**
 * The catalogue editor (ADR 0033): an agency's editors list its services, edit one (every save a new draft,
 * checked by the import's rules), preview the public page from a draft, compare any two versions, and
 * publish another editor's draft. Another agency's service, or a draft that does not exist, is a 404.
 */
export function catalogueEditorRoutes(deps: Deps, me: Me): WebRoute[] {
  const pages = editorPages(deps, me);
  return [...readingRoutes(deps, me, pages), publishConfirmation(deps, me, pages), ...writingRoutes(deps, me, pages)];
}

function readingRoutes(deps: Deps, me: Me, pages: ReturnType<typeof editorPages>): WebRoute[] {
  const { editor } = deps;
  const { startingPoint, sendEdit, sendDraft } = pages;
  return [
    route(PATHS.officeCatalogue, 'GET', EDITORS, async (request, reply) => {
      const signedIn = me(request);
      return sendPage(reply, 200, <CatalogueListPage ctx={pageContext(request)} rows={await editor.services(signedIn)} nav={officeNavItems(signedIn)} />);
    }),
    route(PATHS.officeCatalogueService, 'GET', EDITORS, async (request, reply, { params }) => {
      const signedIn = me(request);
      const versions = await editor.versions(signedIn, params.id);
      if (!versions.ok) {
        return sendNotFoundPage(request, reply);
      }
      const ctx = pageContext(request);
      const published = Number((request.query as Record<string, unknown>)['published']);
      const draft = versions.value.drafts.find((d) => d.published?.version === published);
      const banner = draft === undefined ? undefined : ctx.t('catEdit.publishedBanner', { number: draft.number, version: published });
      return sendPage(reply, 200, <CatalogueServicePage ctx={ctx} view={versions.value} nav={officeNavItems(signedIn)} banner={banner} />);
    }),
    route(PATHS.officeCatalogueEdit, 'GET', EDITORS, async (request, reply, { lang, params }) => {
      const start = await startingPoint(me(request), params.id, parseVersionKey((request.query as Record<string, unknown>)['from']));
      if (start === null) {
        return sendNotFoundPage(request, reply);
      }
      return sendEdit(request, reply, 200, { id: params.id, name: start.current.name[lang], key: start.key, values: { ...valuesOf(start.record) }, errors: [], feeCount: start.record.costs.length });
    }),
    route(PATHS.officeCatalogueDraft, 'GET', EDITORS, async (request, reply, { params }) => {
      const number = numberOf(params.number);
      if (number === null) {
        return sendNotFoundPage(request, reply);
      }
      const saved = (request.query as Record<string, unknown>)['saved'] === '1';
      return sendDraft(request, reply, params.id, number, saved ? { banner: pageContext(request).t('catEdit.saved', { number }) } : {});
    }),
    route(PATHS.officeCatalogueCompare, 'GET', EDITORS, async (request, reply, { lang, params }) => {
      const signedIn = me(request);
      const query = request.query as Record<string, unknown>;
      const [from, to] = [parseVersionKey(query['from']), parseVersionKey(query['to'])];
      const versions = await editor.versions(signedIn, params.id);
      if (!versions.ok) {
        return sendNotFoundPage(request, reply);
      }
      const ctx = pageContext(request);
      const [a, b] = from === null || to === null ? [null, null] : await Promise.all([editor.version(signedIn, params.id, from), editor.version(signedIn, params.id, to)]);
      if (from === null || to === null || a === null || b === null || !a.ok || !b.ok) {
        return sendPage(reply, 400, <CatalogueServicePage ctx={ctx} view={versions.value} nav={officeNavItems(signedIn)} problem={ctx.t('catEdit.compareInvalid')} />);
      }
      return sendPage(reply, 200, (
        <CatalogueComparePage ctx={ctx} service={{ id: params.id, name: versions.value.current.name[lang] }}
          from={versionLabel(ctx, from)} to={versionLabel(ctx, to)} changes={diffRecords(a.value, b.value)} />
      ));
    }),
  ];
}

/**
 * Before publishing: the changes the draft makes to the current version and the one button that publishes it.
 * Refused as the publication itself is (the author: 403; a draft published, stale or failing the checks: 409).
 */
function publishConfirmation(deps: Deps, me: Me, pages: ReturnType<typeof editorPages>): WebRoute {
  const { editor } = deps;
  return route(PATHS.officeCataloguePublish, 'GET', EDITORS, async (request, reply, { params }) => {
    const signedIn = me(request);
    const number = numberOf(params.number);
    const view = number === null ? null : await editor.draft(signedIn, params.id, number);
    if (number === null || view === null || !view.ok) {
      return sendNotFoundPage(request, reply);
    }
    const ctx = pageContext(request);
    const { publishable, current, draft } = view.value;
    if (!publishable.ok) {
      const status = publishable.code === 'catalogue.four_eyes' ? 403 : 409;
      return pages.sendDraft(request, reply, params.id, number, { status, refusal: ctx.t(`catEdit.why.${publishable.code}` as TextKey) });
    }
    const before = await editor.version(signedIn, params.id, { kind: 'published', number: current.version });
    if (!before.ok) {
      return sendNotFoundPage(request, reply);
    }
    return sendPage(reply, 200, <CataloguePublishPage ctx={ctx} signedIn={signedIn} view={view.value} changes={diffRecords(before.value, draft.record)} />);
  });
}

function writingRoutes(deps: Deps, me: Me, pages: ReturnType<typeof editorPages>): WebRoute[] {
  const { editor, catalogue } = deps;
  const { startingPoint, sendEdit, sendDraft } = pages;
  return [
    route(PATHS.officeCatalogueEdit, 'POST', EDITORS, async (request, reply, { lang, params }) => {
      const signedIn = me(request);
      const start = await startingPoint(signedIn, params.id, parseVersionKey(formString(request.body, 'base')));
      if (start === null) {
        return sendNotFoundPage(request, reply);
      }
      const base: ServiceRecord = start.record;
      const made = recordFrom(base, request.body);
      const ctx = pageContext(request);
      const costLabel = (field: string) => {
        const [, row, part] = field.split('-');
        const fee = row === 'new' ? ctx.t('catEdit.feeNew') : ctx.t('catEdit.feeN', { n: Number(row) + 1 });
        return `${fee}, ${ctx.t(part === 'uk' ? 'catEdit.feeUk' : part === 'en' ? 'catEdit.feeEn' : 'catEdit.feeAmount')}`;
      };
      const refuse = (issues: Parameters<typeof editErrors>[1]) =>
        sendEdit(request, reply, 400, { id: params.id, name: start.current.name[lang], key: start.key, values: made.values, errors: editErrors(ctx.t, issues, made.newFeeIndex, costLabel), feeCount: base.costs.length });
      if (made.jsonProblems.length > 0) {
        return refuse(made.jsonProblems);
      }
      const saved = await editor.saveDraft(signedIn, params.id, made.record);
      if (!saved.ok) {
        return saved.error.code === 'catalogue.draft_not_found' ? sendNotFoundPage(request, reply) : refuse(saved.error.issues);
      }
      return reply.redirect(PATHS.officeCatalogueDraft.url(lang, { id: params.id, number: String(saved.value) }, { saved: '1' }), 303);
    }),
    route(PATHS.officeCataloguePreview, 'GET', EDITORS, async (request, reply, { lang, params }) => {
      const number = numberOf(params.number);
      const view = number === null ? null : await editor.draft(me(request), params.id, number);
      if (number === null || view === null || !view.ok) {
        return sendNotFoundPage(request, reply);
      }
      const ctx = pageContext(request);
      const record = view.value.draft.record;
      const [organisations, events, centres, measured] = await Promise.all([catalogue.organisations(), catalogue.events(), catalogue.centres(), deps.maturity.ofService(params.id)]);
      const notice = (
        <NotificationBanner t={ctx.t} heading={ctx.t('catEdit.previewBanner', { number })}>
          <p class="govuk-body"><a class="govuk-notification-banner__link" href={PATHS.officeCatalogueDraft.url(lang, { id: params.id, number: String(number) })}>{ctx.t('catEdit.backToDraft')}</a></p>
        </NotificationBanner>
      );
      const service = { ...record, version: view.value.current.version + 1 };
      return sendPage(reply, 200, (
        <ServicePage ctx={ctx} view={{
          service, maturity: measured, notice,
          organisation: organisations.value.find((o) => o.id === record.organisationId) ?? null,
          events: events.value.filter((e) => record.eventIds.includes(e.id)),
          centres: centres.value,
        }} />
      ));
    }),
    route(PATHS.officeCataloguePublish, 'POST', EDITORS, async (request, reply, { lang, params }) => {
      const number = numberOf(params.number);
      if (number === null) {
        return sendNotFoundPage(request, reply);
      }
      const published = await editor.publish(me(request), params.id, number);
      if (!published.ok) {
        if (published.error.code === 'catalogue.draft_not_found') {
          return sendNotFoundPage(request, reply);
        }
        const status = published.error.code === 'catalogue.four_eyes' ? 403 : 409;
        return sendDraft(request, reply, params.id, number, { status, refusal: pageContext(request).t(`catEdit.why.${published.error.code}`) });
      }
      return reply.redirect(PATHS.officeCatalogueService.url(lang, { id: params.id }, { published: String(published.value.version) }), 303);
    }),
  ];
}
