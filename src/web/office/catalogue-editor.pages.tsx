import type { CatalogueDraft, CompletenessGap, DraftView, FieldChange, ServiceVersions } from '../../modules/catalogue/index.ts';
import type { SignedIn } from '../../modules/identity/index.ts';
import { ErrorSummary, type FieldError, TableScroll } from '../common/components.tsx';
import { formatInstant } from '../common/dates.ts';
import { Button, ButtonLink, NotificationBanner, SummaryList } from '../common/govuk.tsx';
import { Checkboxes, Fieldset, Radios, Select, Textarea, TextInput } from '../common/inputs.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { PATHS } from '../common/paths.ts';
import { OfficeNav, type OfficeNavItems } from './office-nav.tsx';
import { ChangesTable } from './catalogue-changes.tsx';
import type { EditValues } from './catalogue-editor.view.ts';
import type { TextKey } from '../locales/messages.ts';

type Row = { id: string; identifier: string; name: { uk: string; en: string }; version: number; waiting: number };

const Head = ({ cols }: { cols: readonly string[] }) => (
  <thead class="govuk-table__head"><tr class="govuk-table__row">{cols.map((c) => <th scope="col" class="govuk-table__header" key={c}>{c}</th>)}</tr></thead>
);

export const crumbs = (ctx: PageContext, service?: { id: string; name: string }) => [
  { href: PATHS.officeCatalogue.url(ctx.lang), label: ctx.t('catEdit.nav') },
  ...(service ? [{ href: PATHS.officeCatalogueService.url(ctx.lang, { id: service.id }), label: service.name }] : []),
];

/** The services of the editor's agencies. */
export function CatalogueListPage({ ctx, rows, nav }: { ctx: PageContext; rows: readonly Row[]; nav: OfficeNavItems }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('catEdit.title')} wide>
      <OfficeNav ctx={ctx} items={nav} current="catalogue" />
      <h1 class="govuk-heading-l">{t('catEdit.title')}</h1>
      <p class="govuk-body">{t('catEdit.intro')}</p>
      {rows.length === 0 ? <p class="govuk-body">{t('catEdit.none')}</p> : (
        <TableScroll label={t('catEdit.tableLabel')}>
          <table class="govuk-table" id="catalogue-services">
            <Head cols={[t('catEdit.code'), t('catEdit.service'), t('catEdit.version'), t('catEdit.waiting')]} />
            <tbody class="govuk-table__body">
              {rows.map((r) => (
                <tr class="govuk-table__row" key={r.id}>
                  <td class="govuk-table__cell">{r.identifier}</td>
                  <th scope="row" class="govuk-table__header"><a class="govuk-link" href={PATHS.officeCatalogueService.url(lang, { id: r.id })}>{r.name[lang]}</a></th>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{r.version}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{r.waiting}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Layout>
  );
}

function draftStatus(ctx: PageContext, d: CatalogueDraft, currentVersion: number): string {
  if (d.published !== null) {
    return ctx.t('catEdit.statusPublished', { version: d.published.version, name: d.published.name });
  }
  return d.baseVersion === currentVersion ? ctx.t('catEdit.statusWaiting') : ctx.t('catEdit.statusStale');
}

/** One service: its current version, its drafts and published versions, and the comparison's form. */
export function CatalogueServicePage({ ctx, view, nav, banner, problem }: { ctx: PageContext; view: ServiceVersions; nav: OfficeNavItems; banner?: string | undefined; problem?: string | undefined }) {
  const { t, lang } = ctx;
  const s = view.current;
  const options = [
    ...view.drafts.map((d) => ({ value: `d${d.number}`, label: t('catEdit.draftN', { number: d.number }) })),
    ...view.published.map((v) => ({ value: `v${v.version}`, label: t('catEdit.versionN', { version: v.version }) })),
  ];
  return (
    <Layout ctx={ctx} title={t('catEdit.serviceTitle', { name: s.name[lang] })} crumbs={crumbs(ctx)} wide>
      <OfficeNav ctx={ctx} items={nav} current="catalogue" />
      {banner ? <NotificationBanner t={t} kind="success" heading={banner} /> : null}
      <ErrorSummary ctx={ctx} errors={problem === undefined ? [] : [{ field: 'from', message: problem }]} />
      <h1 class="govuk-heading-l">{t('catEdit.serviceTitle', { name: s.name[lang] })}</h1>
      <p class="govuk-body">{t('catEdit.current', { version: s.version })} · <a class="govuk-link" href={PATHS.service.url(lang, { id: s.id })}>{t('catEdit.publicPage')}</a></p>
      <ButtonLink href={PATHS.officeCatalogueEdit.url(lang, { id: s.id })}>{t('catEdit.edit')}</ButtonLink>
      <h2 class="govuk-heading-m">{t('catEdit.drafts')}</h2>
      {view.drafts.length === 0 ? <p class="govuk-body">{t('catEdit.noDrafts')}</p> : (
        <TableScroll label={t('catEdit.drafts')}>
          <table class="govuk-table" id="catalogue-drafts">
            <Head cols={[t('catEdit.version'), t('catEdit.author'), t('catEdit.savedAt'), t('catEdit.status')]} />
            <tbody class="govuk-table__body">
              {view.drafts.map((d) => (
                <tr class="govuk-table__row" key={d.number}>
                  <th scope="row" class="govuk-table__header"><a class="govuk-link" href={PATHS.officeCatalogueDraft.url(lang, { id: s.id, number: String(d.number) })}>{t('catEdit.draftN', { number: d.number })}</a></th>
                  <td class="govuk-table__cell">{d.authorName}</td>
                  <td class="govuk-table__cell">{formatInstant(d.createdAt, lang)}</td>
                  <td class="govuk-table__cell">{draftStatus(ctx, d, s.version)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2 class="govuk-heading-m">{t('catEdit.published')}</h2>
      <TableScroll label={t('catEdit.published')}>
        <table class="govuk-table" id="catalogue-versions">
          <Head cols={[t('catEdit.version'), t('catEdit.savedAt'), t('catEdit.recordedBy')]} />
          <tbody class="govuk-table__body">
            {view.published.map((v) => (
              <tr class="govuk-table__row" key={v.version}>
                <th scope="row" class="govuk-table__header">{t('catEdit.versionN', { version: v.version })}</th>
                <td class="govuk-table__cell">{formatInstant(v.recordedAt, lang)}</td>
                <td class="govuk-table__cell">{publisherOf(view, v.version) ?? v.recordedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {options.length > 1 ? (
        <form method="get" action={PATHS.officeCatalogueCompare.url(lang, { id: s.id })} novalidate>
          <h2 class="govuk-heading-m">{t('catEdit.compare')}</h2>
          <Select t={t} name="from" label={t('catEdit.compareFrom')} options={options} value={options[1]?.value} />
          <Select t={t} name="to" label={t('catEdit.compareTo')} options={options} value={options[0]?.value} />
          <Button kind="secondary">{t('catEdit.compareButton')}</Button>
        </form>
      ) : null}
    </Layout>
  );
}

const publisherOf = (view: ServiceVersions, version: number): string | null =>
  view.drafts.find((d) => d.published?.version === version)?.published?.name ?? null;

/** The edit form: texts in both languages, the term, the fees, and the lists as the import's JSON. */
export function CatalogueEditPage({ ctx, signedIn, service, base, baseLabel, values, errors, feeCount }: {
  ctx: PageContext; signedIn: SignedIn; service: { id: string; name: string }; base: string; baseLabel: string; values: EditValues; errors: readonly FieldError[]; feeCount: number;
}) {
  const { t, lang } = ctx;
  const err = (field: string) => errors.find((e) => e.field === field)?.message;
  const v = (name: string) => values[name] ?? '';
  return (
    <Layout ctx={ctx} title={t('catEdit.editTitle', { name: service.name })} crumbs={crumbs(ctx, service)}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1 class="govuk-heading-l">{t('catEdit.editTitle', { name: service.name })}</h1>
      <p class="govuk-body">{t('catEdit.editFrom', { base: baseLabel })}</p>
      <form method="post" action={PATHS.officeCatalogueEdit.url(lang, { id: service.id })} novalidate>
        <input type="hidden" name="_csrf" value={signedIn.session.csrfToken} />
        <input type="hidden" name="base" value={base} />
        <h2 class="govuk-heading-m">{t('catEdit.texts')}</h2>
        <TextInput t={t} name="nameUk" label={t('catEdit.nameUk')} value={v('nameUk')} error={err('nameUk')} maxLength={4000} />
        <TextInput t={t} name="nameEn" label={t('catEdit.nameEn')} value={v('nameEn')} error={err('nameEn')} maxLength={4000} />
        <Textarea t={t} name="descriptionUk" label={t('catEdit.descriptionUk')} value={v('descriptionUk')} error={err('descriptionUk')} maxLength={4000} />
        <Textarea t={t} name="descriptionEn" label={t('catEdit.descriptionEn')} value={v('descriptionEn')} error={err('descriptionEn')} maxLength={4000} />
        <h2 class="govuk-heading-m">{t('catEdit.term')}</h2>
        <TextInput t={t} name="deadlineDays" label={t('catEdit.termDays')} value={v('deadlineDays')} error={err('deadlineDays')} width={4} inputMode="numeric" maxLength={6} />
        <Radios t={t} name="deadlineUnit" legend={t('catEdit.termUnit')} value={v('deadlineUnit')} error={err('deadlineUnit')} inline
          options={[{ value: 'working', label: t('catEdit.unitWorking') }, { value: 'calendar', label: t('catEdit.unitCalendar') }]} />
        <h2 class="govuk-heading-m">{t('catEdit.fees')}</h2>
        {Array.from({ length: feeCount }, (_, i) => (
          <Fieldset t={t} name={`cost-${i}`} legend={t('catEdit.feeN', { n: i + 1 })} key={i}>
            <TextInput t={t} name={`cost-${i}-amount`} label={t('catEdit.feeAmount')} hint={t('catEdit.feeAmountHint')} value={v(`cost-${i}-amount`)} error={err(`cost-${i}-amount`)} width={10} inputMode="decimal" maxLength={12} />
            <TextInput t={t} name={`cost-${i}-uk`} label={t('catEdit.feeUk')} value={v(`cost-${i}-uk`)} error={err(`cost-${i}-uk`)} maxLength={4000} />
            <TextInput t={t} name={`cost-${i}-en`} label={t('catEdit.feeEn')} value={v(`cost-${i}-en`)} error={err(`cost-${i}-en`)} maxLength={4000} />
            <Checkboxes t={t} name={`cost-${i}-remove`} legend={t('catEdit.feeRemove')} small values={v(`cost-${i}-remove`) === 'yes' ? ['yes'] : []}
              options={[{ value: 'yes', label: t('catEdit.feeRemove') }]} />
          </Fieldset>
        ))}
        <Fieldset t={t} name="cost-new" legend={t('catEdit.feeNew')}>
          <TextInput t={t} name="cost-new-amount" label={t('catEdit.feeAmount')} hint={t('catEdit.feeAmountHint')} value={v('cost-new-amount')} error={err('cost-new-amount')} width={10} inputMode="decimal" maxLength={12} />
          <TextInput t={t} name="cost-new-uk" label={t('catEdit.feeUk')} value={v('cost-new-uk')} error={err('cost-new-uk')} maxLength={4000} />
          <TextInput t={t} name="cost-new-en" label={t('catEdit.feeEn')} value={v('cost-new-en')} error={err('cost-new-en')} maxLength={4000} />
        </Fieldset>
        <h2 class="govuk-heading-m">{t('catEdit.lists')}</h2>
        <p class="govuk-body">{t('catEdit.listsHint')}</p>
        <Textarea t={t} name="channels" label={t('catEdit.channels')} value={v('channels')} error={err('channels')} rows={10} maxLength={60000} />
        <Textarea t={t} name="evidence" label={t('catEdit.evidence')} value={v('evidence')} error={err('evidence')} rows={10} maxLength={60000} />
        <Textarea t={t} name="refusalGrounds" label={t('catEdit.refusalGrounds')} value={v('refusalGrounds')} error={err('refusalGrounds')} rows={8} maxLength={60000} />
        <Textarea t={t} name="form" label={t('catEdit.form')} value={v('form')} error={err('form')} rows={10} maxLength={200000} />
        <Button>{t('catEdit.save')}</Button>
      </form>
    </Layout>
  );
}

const gapText = (ctx: PageContext, gap: CompletenessGap): string => {
  const { t } = ctx;
  if (gap.code === 'keywords') {
    return t('catEdit.gap.keywords', { lang: t(gap.lang === 'uk' ? 'catEdit.langUk' : 'catEdit.langEn') });
  }
  return gap.code === 'refusal-grounds' ? t('catEdit.gap.refusal-grounds') : t(`catEdit.gap.${gap.code}`, { n: gap.index + 1 });
};

/** One draft: who wrote it, its checks, what it lacks, the preview and comparison, and publication for another editor. */
export function CatalogueDraftPage({ ctx, view, banner, refusal }: { ctx: PageContext; view: DraftView; banner?: string | undefined; refusal?: string | undefined }) {
  const { t, lang } = ctx;
  const d = view.draft;
  const name = view.current.name[lang];
  const number = String(d.number);
  const title = t('catEdit.draftTitle', { name, number: d.number });
  const why = view.publishable.ok ? null : t(`catEdit.why.${view.publishable.code}` as TextKey);
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, { id: d.serviceId, name })} wide>
      {banner ? <NotificationBanner t={t} kind="success" heading={banner} /> : null}
      {refusal ? (
        <div class="govuk-error-summary" role="alert" aria-labelledby="publish-refused-title" tabIndex={-1}>
          <h2 class="govuk-error-summary__title" id="publish-refused-title">{t('error.summary')}</h2>
          <div class="govuk-error-summary__body"><p class="govuk-body" id="publish-refused">{refusal}</p></div>
        </div>
      ) : null}
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body">{t('catEdit.draftMeta', { author: d.authorName, at: formatInstant(d.createdAt, lang), base: d.baseVersion })}</p>
      <SummaryList t={t} rows={[
        { key: t('catEdit.status'), value: d.published !== null ? t('catEdit.statusPublished', { version: d.published.version, name: d.published.name }) : d.baseVersion === view.current.version ? t('catEdit.statusWaiting') : t('catEdit.statusStale') },
        { key: t('catEdit.nameUk'), value: d.record.name.uk },
        { key: t('catEdit.nameEn'), value: d.record.name.en },
      ]} />
      <p class="govuk-body">
        <a class="govuk-link" href={PATHS.officeCataloguePreview.url(lang, { id: d.serviceId, number })}>{t('catEdit.preview')}</a><br />
        <a class="govuk-link" href={PATHS.officeCatalogueCompare.url(lang, { id: d.serviceId }, { from: `v${d.baseVersion}`, to: `d${d.number}` })}>{t('catEdit.compareWithCurrent')}</a>
      </p>
      <h2 class="govuk-heading-m">{t('catEdit.checks')}</h2>
      {view.problems.length === 0 ? <p class="govuk-body" id="draft-valid">{t('catEdit.valid')}</p> : (
        <>
          <p class="govuk-body">{t('catEdit.problems')}</p>
          <ul class="govuk-list govuk-list--bullet" id="draft-problems">{view.problems.map((p, i) => <li key={i}><code>{p.pointer}</code>: {t(`catEdit.error.${p.keyword === 'reference' || p.keyword === 'const' ? p.keyword : 'other'}`)}</li>)}</ul>
        </>
      )}
      {view.gaps.length === 0 ? <p class="govuk-body">{t('catEdit.complete')}</p> : (
        <>
          <p class="govuk-body">{t('catEdit.gapsIntro')}</p>
          <ul class="govuk-list govuk-list--bullet" id="draft-gaps">{view.gaps.map((g, i) => <li key={i}>{gapText(ctx, g)}</li>)}</ul>
        </>
      )}
      <h2 class="govuk-heading-m">{t('catEdit.publishTitle')}</h2>
      {why !== null ? <p class="govuk-body" id="publish-why-not">{why}</p> : (
        <>
          <p class="govuk-body">{t('catEdit.publishHint')}</p>
          <ButtonLink href={PATHS.officeCataloguePublish.url(lang, { id: d.serviceId, number })}>{t('catEdit.publishReview')}</ButtonLink>
        </>
      )}
    </Layout>
  );
}

/** Two versions side by side, field by field: each changed field's JSON Pointer, before and after. */
export function CatalogueComparePage({ ctx, service, from, to, changes }: { ctx: PageContext; service: { id: string; name: string }; from: string; to: string; changes: readonly FieldChange[] }) {
  const title = ctx.t('catEdit.compareTitle', { from, to });
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, service)} wide>
      <h1 class="govuk-heading-l">{title}</h1>
      <ChangesTable ctx={ctx} changes={changes} />
    </Layout>
  );
}

/** The label of a version key for headings: "Draft 3" / "Version 2". */
export const versionLabel = (ctx: PageContext, key: { kind: 'draft' | 'published'; number: number }): string =>
  key.kind === 'draft' ? ctx.t('catEdit.draftN', { number: key.number }) : ctx.t('catEdit.versionN', { version: key.number });

