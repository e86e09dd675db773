import type { Service } from '../../modules/catalogue/index.ts';
import { defaultWorkflow } from '../../modules/workflow/index.ts';
import { paths } from '../common/paths.ts';
import { ErrorSummary, type FieldError } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { fieldId } from './fields.tsx';
import { ASSIGNED, type Assigned, type Officer, type QueueFilters, type QueuePage, filterParams, filterQueryString } from './query.tsx';
import { Paging, QueueTable } from './queue-table.tsx';

export interface QueueView {
  readonly csrf: string;
  readonly me: string;
  readonly agencies: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly filters: QueueFilters;
  readonly page: QueuePage;
  /** The services of the agency, for the filter and the table. */
  readonly services: readonly Service[];
  /** Whom this officer may assign cases to. */
  readonly officers: readonly Officer[];
  readonly errors: readonly FieldError[];
  readonly selected: readonly string[];
  readonly assignee: string;
}

export function OfficeQueuePage({ ctx, view }: { ctx: PageContext; view: QueueView }) {
  const { t, lang } = ctx;
  const agencyIds = view.agencies.map((a) => a.id);
  const link = (page: number) => paths.officeCases(lang, filterParams(view.filters, agencyIds, page));
  const bulk = {
    csrf: view.csrf, agencyId: view.filters.agency, filters: filterQueryString(view.filters, agencyIds), officers: view.officers,
    me: view.me, selected: view.selected, assignee: view.assignee, errors: view.errors,
  };
  return (
    <Layout ctx={ctx} title={t('office.queue.title')} searchBox={false} crumbs={[{ href: paths.staffHome(lang), label: t('staff.title') }]}>
      <ErrorSummary ctx={ctx} errors={view.errors} />
      <h1>{t('office.queue.title')}</h1>
      <p class="lead">{t('office.queue.lead')}</p>
      <FilterForm ctx={ctx} view={view} />
      {view.page.total === 0 ? (
        <p>{t('office.queue.empty')}</p>
      ) : (
        <QueueTable ctx={ctx} page={view.page} services={new Map(view.services.map((s) => [s.id, s]))} bulk={bulk} />
      )}
      <Paging ctx={ctx} page={{ number: view.filters.page, total: view.page.total, pageSize: view.page.pageSize }} link={link} />
    </Layout>
  );
}

const assignedKey = (a: Assigned) => (a === 'any' ? 'office.filter.assigned.any' : a === 'me' ? 'office.filter.assigned.me' : 'office.filter.assigned.nobody');

function FilterForm({ ctx, view }: { ctx: PageContext; view: QueueView }) {
  const { t, lang } = ctx;
  const f = view.filters;
  return (
    <form method="get" action={paths.officeCases(lang)}>
      <fieldset class="filters">
        <legend>{t('office.filter.legend')}</legend>
        {view.agencies.length > 1 ? (
          <div class="field">
            <label for={fieldId('agency')}>{t('office.filter.agency')}</label>
            <select id={fieldId('agency')} name="agency">
              {view.agencies.map((a) => <option key={a.id} value={a.id} selected={f.agency === a.id}>{a.name}</option>)}
            </select>
          </div>
        ) : null}
        <div class="field">
          <label for={fieldId('state')}>{t('office.filter.state')}</label>
          <select id={fieldId('state')} name="state">
            <option value="">{t('office.filter.anyState')}</option>
            {defaultWorkflow.states.map((s) => <option key={s.id} value={s.id} selected={f.state === s.id}>{s.label[lang]}</option>)}
          </select>
        </div>
        <div class="field">
          <label for={fieldId('service')}>{t('office.filter.service')}</label>
          <select id={fieldId('service')} name="service">
            <option value="">{t('office.filter.anyService')}</option>
            {view.services.map((s) => <option key={s.id} value={s.id} selected={f.service === s.id}>{s.name[lang]}</option>)}
          </select>
        </div>
        <fieldset class="field">
          <legend>{t('office.filter.assigned')}</legend>
          {ASSIGNED.map((a) => (
            <div class="radio" key={a}>
              <input type="radio" id={fieldId(`assigned-${a}`)} name="assigned" value={a} checked={f.assigned === a} />
              <label for={fieldId(`assigned-${a}`)}>{t(assignedKey(a))}</label>
            </div>
          ))}
        </fieldset>
        <div class="checkbox">
          <input type="checkbox" id={fieldId('running')} name="running" value="1" checked={f.running} />
          <label for={fieldId('running')}>{t('office.filter.running')}</label>
        </div>
        <div>
          <button type="submit" class="secondary">{t('office.filter.apply')}</button>{' '}
          <a class="office-reset" href={paths.officeCases(lang)}>{t('office.filter.reset')}</a>
        </div>
      </fieldset>
    </form>
  );
}
