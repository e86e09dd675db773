import type { CaseRecord } from '../../modules/cases/index.ts';
import type { Service } from '../../modules/catalogue/index.ts';
import type { DeadlineStatus } from '../../modules/deadlines/index.ts';
import { paths } from '../common/paths.ts';
import type { FieldError } from '../common/components.tsx';
import { Button, TableScroll } from '../common/govuk.tsx';
import { ErrorMessage, FormGroup, type Option, Select } from '../common/inputs.tsx';
import { Csrf, errorOf, fieldId } from './fields.tsx';
import { Day, StandingBadge, When, stateLabel, workflowFor } from './format.tsx';
import type { Officer, QueuePage } from './query.tsx';
import type { PageContext } from '../common/layout.tsx';

export interface BulkAssign {
  readonly csrf: string;
  readonly agencyId: string;
  /** The queue's filters as a query string, sent back so the queue reopens as it was. */
  readonly filters: string;
  readonly officers: readonly Officer[];
  readonly me: string;
  readonly selected: readonly string[];
  readonly assignee: string;
  readonly errors: readonly FieldError[];
}

/** The queue's table inside the bulk-assignment form: a checkbox per case, then whom to assign them to. */
export function QueueTable({ ctx, page, services, bulk }: { ctx: PageContext; page: QueuePage; services: ReadonlyMap<string, Service>; bulk: BulkAssign }) {
  const { t, lang } = ctx;
  const selected = new Set(bulk.selected);
  return (
    <form method="post" action={paths.officeAssignCases(lang)} novalidate>
      <Csrf token={bulk.csrf} />
      <input type="hidden" name="agencyId" value={bulk.agencyId} />
      <input type="hidden" name="filters" value={bulk.filters} />
      <FormGroup error={errorOf(bulk.errors, 'caseIds')}>
      <ErrorMessage t={t} name="caseIds" text={errorOf(bulk.errors, 'caseIds')} />
      <TableScroll label={t('office.queue.title')}>
        <table class="govuk-table app-office-queue">
          <caption class="govuk-table__caption govuk-table__caption--m">{page.totalCapped ? t('office.queue.countMore', { count: page.total }) : t.plural('office.queue.count', page.total)}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">{t('office.col.select')}</span></th>
              <th scope="col" class="govuk-table__header">{t('office.col.number')}</th>
              <th scope="col" class="govuk-table__header">{t('office.col.service')}</th>
              <th scope="col" class="govuk-table__header">{t('office.col.applicant')}</th>
              <th scope="col" class="govuk-table__header">{t('office.col.state')}</th>
              <th scope="col" class="govuk-table__header">{t('office.col.submitted')}</th>
              <th scope="col" class="govuk-table__header">{t('office.col.due')}</th>
              <th scope="col" class="govuk-table__header">{t('office.col.assignee')}</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {page.rows.map((row, i) => (
              <QueueRow key={row.case.id} ctx={ctx} c={row.case} standing={row.standing} service={services.get(row.case.serviceId)} checked={selected.has(row.case.id)} first={i === 0} />
            ))}
          </tbody>
        </table>
      </TableScroll>
      </FormGroup>
      <BulkControls ctx={ctx} bulk={bulk} />
    </form>
  );
}

function QueueRow({ ctx, c, standing, service, checked, first }: { ctx: PageContext; c: CaseRecord; standing: DeadlineStatus | null; service: Service | undefined; checked: boolean; first: boolean }) {
  const { t, lang } = ctx;
  // The first box carries the field's id, so the error summary's link lands on it.
  const box = first ? fieldId('caseIds') : `case-${c.id}`;
  return (
    <tr class="govuk-table__row">
      <td class="govuk-table__cell">
        <div class="govuk-checkboxes govuk-checkboxes--small">
          <div class="govuk-checkboxes__item">
            <input class="govuk-checkboxes__input" type="checkbox" id={box} name="caseIds" value={c.id} checked={checked} />
            <label class="govuk-label govuk-checkboxes__label" for={box}><span class="govuk-visually-hidden">{t('office.queue.selectCase', { number: c.number })}</span></label>
          </div>
        </div>
      </td>
      <th scope="row" class="govuk-table__header app-nowrap"><a class="govuk-link" href={paths.officeCase(lang, c.id)}>{c.number}</a></th>
      <td class="govuk-table__cell">{service ? service.name[lang] : c.serviceId}</td>
      <td class="govuk-table__cell">
        {c.applicantName}
        {c.party.kind === 'self' ? null : <><br /><span class="govuk-hint govuk-!-margin-bottom-0">{t('office.party.for', { name: c.party.name })}</span></>}
      </td>
      <td class="govuk-table__cell">{stateLabel(workflowFor(service), c.state, lang)}</td>
      <td class="govuk-table__cell app-nowrap"><When lang={lang} at={c.submittedAt} dateOnly /></td>
      <td class="govuk-table__cell">
        <span class="app-nowrap">{c.dueOn === null ? t('office.none') : <Day lang={lang} day={c.dueOn} />}</span>
        <br /><StandingBadge ctx={ctx} standing={standing} paused={c.clockPaused} />
      </td>
      <td class="govuk-table__cell">{c.assignedName ?? t('office.unassigned')}</td>
    </tr>
  );
}

function BulkControls({ ctx, bulk }: { ctx: PageContext; bulk: BulkAssign }) {
  const { t } = ctx;
  return (
    <div class="app-office-bulk">
      <h2 class="govuk-heading-s">{t('office.bulk.legend')}</h2>
      <Select t={t} name="assignee" label={t('office.bulk.assignee')} choose={t('office.assign.nobody')} options={officerOptions(ctx, bulk.officers, bulk.me)}
        value={bulk.assignee} error={errorOf(bulk.errors, 'assignee')} />
      <Button>{t('office.bulk.submit')}</Button>
    </div>
  );
}

/** Whom a case may be assigned to (after "nobody", which unassigns): the officers this officer may assign to. */
export function officerOptions(ctx: PageContext, officers: readonly Officer[], me: string): Option[] {
  return officers.map((o) => ({ value: o.personId, label: o.personId === me ? ctx.t('office.assign.me', { name: o.name }) : o.name }));
}

/** The queue's "previous" and "next" links (keys of the first and last case shown; plain links, no script). */
export function Paging({ ctx, previous, next }: { ctx: PageContext; previous: string | null; next: string | null }) {
  const { t } = ctx;
  if (previous === null && next === null) {
    return null;
  }
  return (
    <nav class="govuk-pagination govuk-pagination--block" aria-label={t('office.paging.label')}>
      {previous !== null ? <div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href={previous} rel="prev"><span class="govuk-pagination__link-title">{t('office.paging.previous')}</span></a></div> : null}
      {next !== null ? <div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href={next} rel="next"><span class="govuk-pagination__link-title">{t('office.paging.next')}</span></a></div> : null}
    </nav>
  );
}
