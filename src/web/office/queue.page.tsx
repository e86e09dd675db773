import type { ComponentChildren } from 'preact';

import type { Service } from '../../modules/catalogue/index.ts';
import { defaultWorkflow } from '../../modules/workflow/index.ts';
import { paths } from '../common/paths.ts';
import { ErrorSummary, type FieldError } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { fieldId } from './fields.tsx';
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
  const link = (page: number) => paths.officeCases(lang, filterParams(view.filters, agencyIds, page));
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
      <div class="moj-filter-layout">
        <div class="moj-filter-layout__filter">
          <FilterForm ctx={ctx} view={view} />
        </div>
        <div class="moj-filter-layout__content">
          {view.page.total === 0 ? (
            <p class="govuk-body">{t('office.queue.empty')}</p>
          ) : (
            <QueueTable ctx={ctx} page={view.page} services={new Map(view.services.map((s) => [s.id, s]))} bulk={bulk} />
          )}
          <Paging ctx={ctx} page={{ number: view.filters.page, total: view.page.total, pageSize: view.page.pageSize }} link={link} />
        </div>
      </div>
    </Layout>
  );
}

const assignedKey = (a: Assigned) => (a === 'any' ? 'office.filter.assigned.any' : a === 'me' ? 'office.filter.assigned.me' : 'office.filter.assigned.nobody');

function FilterForm({ ctx, view }: { ctx: PageContext; view: QueueView }) {
  const { t, lang } = ctx;
  const f = view.filters;
  const select = (field: string, label: string, children: ComponentChildren) => (
    <div class="govuk-form-group">
      <label class="govuk-label govuk-label--s" for={fieldId(field)}>{label}</label>
      <select class="govuk-select" id={fieldId(field)} name={field}>{children}</select>
    </div>
  );
  return (
    <form method="get" action={paths.officeCases(lang)} class="moj-filter" aria-labelledby="filter-title">
      <div class="moj-filter__header">
        <div class="moj-filter__header-title"><h2 class="govuk-heading-m" id="filter-title">{t('office.filter.legend')}</h2></div>
      </div>
      <div class="moj-filter__content">
        <div class="moj-filter__options">
          {view.agencies.length > 1 ? select('agency', t('office.filter.agency'), view.agencies.map((a) => <option key={a.id} value={a.id} selected={f.agency === a.id}>{a.name}</option>)) : null}
          {select('state', t('office.filter.state'), [
            <option key="" value="">{t('office.filter.anyState')}</option>,
            ...defaultWorkflow.states.map((s) => <option key={s.id} value={s.id} selected={f.state === s.id}>{s.label[lang]}</option>),
          ])}
          {select('service', t('office.filter.service'), [
            <option key="" value="">{t('office.filter.anyService')}</option>,
            ...view.services.map((s) => <option key={s.id} value={s.id} selected={f.service === s.id}>{s.name[lang]}</option>),
          ])}
          <div class="govuk-form-group">
            <fieldset class="govuk-fieldset">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t('office.filter.assigned')}</legend>
              <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
                {ASSIGNED.map((a) => (
                  <div class="govuk-radios__item" key={a}>
                    <input class="govuk-radios__input" type="radio" id={fieldId(`assigned-${a}`)} name="assigned" value={a} checked={f.assigned === a} />
                    <label class="govuk-label govuk-radios__label" for={fieldId(`assigned-${a}`)}>{t(assignedKey(a))}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <div class="govuk-form-group">
            <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
              <div class="govuk-checkboxes__item">
                <input class="govuk-checkboxes__input" type="checkbox" id={fieldId('running')} name="running" value="1" checked={f.running} />
                <label class="govuk-label govuk-checkboxes__label" for={fieldId('running')}>{t('office.filter.running')}</label>
              </div>
            </div>
          </div>
          <div class="govuk-button-group">
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t('office.filter.apply')}</button>
            <a class="govuk-link" href={paths.officeCases(lang)}>{t('office.filter.reset')}</a>
          </div>
        </div>
      </div>
    </form>
  );
}
