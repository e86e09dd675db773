import type { Draft } from '../../modules/applications/index.ts';
import type { BundleView } from '../../modules/bundles/index.ts';
import { MyBundles } from '../bundles/bundles.pages.tsx';
import type { Service } from '../../modules/catalogue/index.ts';
import { type CaseRecord, workflowOf } from '../../modules/cases/index.ts';
import { kyivDay } from '../../modules/deadlines/index.ts';
import { paths } from '../common/paths.ts';
import { Layout, type PageContext } from '../common/layout.tsx';
import { TableScroll } from '../common/components.tsx';
import { formatDay, formatInstant } from '../common/dates.ts';
import { stateTone } from './cabinet.view.ts';
import { StatusTag } from './status.tsx';

export interface MyApplicationsView {
  readonly actingName: string;
  /** The party the person acts for now, as a party key. */
  readonly acting: string;
  /** Life-event bundles: each one item with its parts (only on the first page). */
  readonly bundles: readonly BundleView[];
  readonly drafts: ReadonlyArray<{ draft: Draft; service: Service | null; firstPage: string | null }>;
  readonly cases: ReadonlyArray<{ case: CaseRecord; service: Service }>;
  /** Links to the newer and the older cases (null: none). */
  readonly previous: string | null;
  readonly next: string | null;
}

/** "My applications": cases across all agencies (a table that scrolls in its own region on small screens) and drafts to finish, for the party the person acts for. */
export function MyApplicationsPage({ ctx, view }: { ctx: PageContext; view: MyApplicationsView }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('cases.mine')} searchBox={false} crumbs={[{ href: paths.cabinet(lang), label: t('cabinet.title') }]}>
      <h1 class="govuk-heading-xl">{t('cases.mine')}</h1>
      <p class="govuk-body-l">{t('cases.mineLead', { name: view.actingName })}</p>
      <MyBundles ctx={ctx} bundles={view.bundles} acting={view.acting} />
      <h2 class="govuk-heading-l">{t('cases.casesTitle')}</h2>
      {view.cases.length === 0 ? <p class="govuk-body">{t('cases.none')}</p> : (
        <TableScroll label={t('cases.tableLabel')}>
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-visually-hidden">{t('cases.casesTitle')}</caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">{t('cases.number')}</th>
                <th scope="col" class="govuk-table__header">{t('cases.service')}</th>
                <th scope="col" class="govuk-table__header">{t('cases.status')}</th>
                <th scope="col" class="govuk-table__header">{t('cases.submitted')}</th>
                <th scope="col" class="govuk-table__header">{t('cases.due')}</th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {view.cases.map(({ case: c, service }) => {
                const state = workflowOf(service).states.find((s) => s.id === c.state);
                return (
                  <tr class="govuk-table__row" key={c.id}>
                    <th scope="row" class="govuk-table__header"><a class="govuk-link" href={paths.myCase(lang, c.id)}>{c.number}</a></th>
                    <td class="govuk-table__cell">{service.name[lang]}{c.party.kind === 'self' ? null : <span class="govuk-hint govuk-!-margin-bottom-0"> · {c.party.name}</span>}</td>
                    <td class="govuk-table__cell"><StatusTag lang={lang} tone={stateTone(state?.kind ?? 'active', c.outcome)} label={state?.label ?? { uk: c.state, en: c.state }} /></td>
                    <td class="govuk-table__cell">{formatDay(kyivDay(c.submittedAt), lang)}</td>
                    <td class="govuk-table__cell">{c.outcome !== null ? '—' : c.clockPaused ? t('cases.clockStopped') : c.dueOn === null ? '—' : formatDay(c.dueOn, lang)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {view.previous === null && view.next === null ? null : (
        <nav class="govuk-pagination govuk-pagination--block" aria-label={t('cases.paging.label')}>
          {view.previous !== null ? <div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href={view.previous} rel="prev"><span class="govuk-pagination__link-title">{t('cases.paging.newer')}</span></a></div> : null}
          {view.next !== null ? <div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href={view.next} rel="next"><span class="govuk-pagination__link-title">{t('cases.paging.older')}</span></a></div> : null}
        </nav>
      )}
      <h2 class="govuk-heading-l">{t('cases.draftsTitle')}</h2>
      {view.drafts.length === 0 ? <p class="govuk-body">{t('cases.noDrafts')}</p> : (
        <ul class="govuk-list govuk-list--spaced">
          {view.drafts.map(({ draft, service, firstPage }) => (
            <li key={draft.id}>
              {firstPage ? <a class="govuk-link" href={paths.applyPage(lang, draft.id, firstPage)}>{service?.name[lang] ?? draft.serviceId}</a> : <span>{service?.name[lang] ?? draft.serviceId}</span>}{' '}
              <span class="govuk-hint govuk-!-margin-bottom-0">{draft.party.name} · {t('cases.draftChanged', { at: formatInstant(draft.updatedAt, lang) })} · {t('cases.draftExpires', { at: formatInstant(draft.expiresAt, lang) })}</span>
            </li>
          ))}
        </ul>
      )}
      <p class="govuk-body"><a class="govuk-link" href={paths.search(lang, { online: 'true' })}>{t('cases.findService')}</a></p>
    </Layout>
  );
}
