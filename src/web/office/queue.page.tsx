import type { Service } from '../../modules/catalogue/index.ts';
import { defaultWorkflow } from '../../modules/workflow/index.ts';
import { paths } from '../common/paths.ts';
import { ErrorSummary, type FieldError } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { Button, ButtonGroup } from '../common/govuk.tsx';
import { Radios, Select } from '../common/inputs.tsx';
import { FilterLayout } from '../common/moj.tsx';
import { ASSIGNED, type Assigned, type Officer, type QueueFilters, type QueuePage, filterParams, filterQueryString } from './query.tsx';
import { Paging, QueueTable } from './queue-table.tsx';
import { OfficeNav, type OfficeNavItems } from './office-nav.tsx';

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
  readonly nav: OfficeNavItems;
}

export function OfficeQueuePage({ ctx, view }: { ctx: PageContext; view: QueueView }) {
  const { t, lang } = ctx;
  const agencyIds = view.agencies.map((a) => a.id);
  const link = (key: string | null, side: 'after' | 'before') => (key === null ? null : paths.officeCases(lang, filterParams(view.filters, agencyIds, { [side]: key })));
  const bulk = {
    csrf: view.csrf, agencyId: view.filters.agency, filters: filterQueryString(view.filters, agencyIds), officers: view.officers,
    me: view.me, selected: view.selected, assignee: view.assignee, errors: view.errors,
  };
  return (
    <Layout ctx={ctx} title={t('office.queue.title')} searchBox={false} wide crumbs={[{ href: paths.staffHome(lang), label: t('staff.title') }]}>
      <OfficeNav ctx={ctx} items={view.nav} current="queue" />
      <ErrorSummary ctx={ctx} errors={view.errors} />
      <h1 class="govuk-heading-l">{t('office.queue.title')}</h1>
      <p class="govuk-body-l">{t('office.queue.lead')}</p>
      <div class="app-office-queue-layout">
      <FilterLayout heading={t('office.filter.legend')} filter={<FilterForm ctx={ctx} view={view} />}>
        {view.page.total === 0 ? (
          <p class="govuk-body">{t('office.queue.empty')}</p>
        ) : (
          <QueueTable ctx={ctx} page={view.page} services={new Map(view.services.map((s) => [s.id, s]))} bulk={bulk} />
        )}
        <Paging ctx={ctx} previous={link(view.page.previous, 'before')} next={link(view.page.next, 'after')} />
      </FilterLayout>
      </div>
    </Layout>
  );
}

const assignedKey = (a: Assigned) => (a === 'any' ? 'office.filter.assigned.any' : a === 'me' ? 'office.filter.assigned.me' : 'office.filter.assigned.nobody');

/** The queue's filters (a GET form): agency, state, service, who it is assigned to, and running cases (the default) or every case. */
function FilterForm({ ctx, view }: { ctx: PageContext; view: QueueView }) {
  const { t, lang } = ctx;
  const f = view.filters;
  return (
    <form method="get" action={paths.officeCases(lang)} novalidate>
      {view.agencies.length > 1 ? (
        <Select t={t} name="agency" label={t('office.filter.agency')} options={view.agencies.map((a) => ({ value: a.id, label: a.name }))} value={f.agency} />
      ) : null}
      <Select t={t} name="state" label={t('office.filter.state')} choose={t('office.filter.anyState')} options={defaultWorkflow.states.map((s) => ({ value: s.id, label: s.label[lang] }))} value={f.state ?? ''} />
      <Select t={t} name="service" label={t('office.filter.service')} choose={t('office.filter.anyService')} options={view.services.map((s) => ({ value: s.id, label: s.name[lang] }))} value={f.service ?? ''} />
      <Radios t={t} name="assigned" legend={t('office.filter.assigned')} options={ASSIGNED.map((a) => ({ value: a, label: t(assignedKey(a)) }))} value={f.assigned} />
      <Radios t={t} name="running" legend={t('office.filter.runningLegend')} options={[{ value: '1', label: t('office.filter.running') }, { value: '0', label: t('office.filter.all') }]} value={f.running ? '1' : '0'} />
      <ButtonGroup>
        <Button kind="secondary">{t('office.filter.apply')}</Button>
        <a class="govuk-link" href={paths.officeCases(lang)}>{t('office.filter.reset')}</a>
      </ButtonGroup>
    </form>
  );
}
