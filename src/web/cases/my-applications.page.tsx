import type { Draft } from '../../modules/applications/index.ts';
import type { Service } from '../../modules/catalogue/index.ts';
import { type CaseRecord, workflowOf } from '../../modules/cases/index.ts';
import { paths } from '../common/paths.ts';
import { Layout, type PageContext } from '../common/layout.tsx';
import { formatDay, formatInstant } from '../common/dates.ts';

export interface MyApplicationsView {
  readonly actingName: string;
  readonly drafts: ReadonlyArray<{ draft: Draft; service: Service | null; firstPage: string | null }>;
  readonly cases: ReadonlyArray<{ case: CaseRecord; service: Service }>;
}

/** "My applications": drafts to finish and cases across all agencies, for the party the person acts for. */
export function MyApplicationsPage({ ctx, view }: { ctx: PageContext; view: MyApplicationsView }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('cases.mine')} searchBox={false} crumbs={[{ href: paths.cabinet(lang), label: t('cabinet.title') }]}>
      <h1>{t('cases.mine')}</h1>
      <p class="lead">{t('cases.mineLead', { name: view.actingName })}</p>
      <h2>{t('cases.casesTitle')}</h2>
      {view.cases.length === 0 ? <p>{t('cases.none')}</p> : (
        <table class="data-table">
          <caption class="visually-hidden">{t('cases.casesTitle')}</caption>
          <thead><tr><th scope="col">{t('cases.number')}</th><th scope="col">{t('cases.service')}</th><th scope="col">{t('cases.status')}</th><th scope="col">{t('cases.submitted')}</th><th scope="col">{t('cases.due')}</th></tr></thead>
          <tbody>
            {view.cases.map(({ case: c, service }) => (
              <tr key={c.id}>
                <th scope="row"><a href={paths.myCase(lang, c.id)}>{c.number}</a></th>
                <td>{service.name[lang]}{c.party.kind === 'self' ? null : <span class="hint"> · {c.party.name}</span>}</td>
                <td>{workflowOf(service).states.find((s) => s.id === c.state)?.label[lang] ?? c.state}</td>
                <td>{formatInstant(c.submittedAt, lang)}</td>
                <td>{c.outcome !== null ? '—' : c.clockPaused ? t('cases.clockStopped') : c.dueOn === null ? '—' : formatDay(c.dueOn, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('cases.draftsTitle')}</h2>
      {view.drafts.length === 0 ? <p>{t('cases.noDrafts')}</p> : (
        <ul class="plain-list">
          {view.drafts.map(({ draft, service, firstPage }) => (
            <li key={draft.id}>
              {firstPage ? <a href={paths.applyPage(lang, draft.id, firstPage)}>{service?.name[lang] ?? draft.serviceId}</a> : <span>{service?.name[lang] ?? draft.serviceId}</span>}
              <span class="hint"> · {draft.party.name} · {t('cases.draftChanged', { at: formatInstant(draft.updatedAt, lang) })} · {t('cases.draftExpires', { at: formatInstant(draft.expiresAt, lang) })}</span>
            </li>
          ))}
        </ul>
      )}
      <p><a href={paths.search(lang, { online: 'true' })}>{t('cases.findService')}</a></p>
    </Layout>
  );
}
