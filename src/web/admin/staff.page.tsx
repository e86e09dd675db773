import type { ComponentChildren } from 'preact';

import { kyivDay } from '../../kernel/state-time.ts';
import type { SignedIn, StaffRow } from '../../modules/identity/index.ts';
import { STAFF_ROLES } from '../../modules/identity/index.ts';
import { paths } from '../common/paths.ts';
import { ErrorSummary, type FieldError } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { formatDay } from '../office/format.tsx';
import { OfficeNav, officeNavItems } from '../office/office-nav.tsx';

export type StaffChange = 'granted' | 'revoked';

export interface StaffAdminView {
  readonly signedIn: SignedIn;
  readonly rows: readonly StaffRow[];
  /** The agencies this administrator may grant roles in (the form's choices). */
  readonly agencies: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  /** Every agency's and centre's name, for the table. */
  readonly names: ReadonlyMap<string, string>;
  readonly centres: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly errors: readonly FieldError[];
  readonly values: Readonly<Record<string, string>>;
  /** The change just made, for the success banner. */
  readonly done: StaffChange | null;
}

export function StaffAdminPage({ ctx, view }: { ctx: PageContext; view: StaffAdminView }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('staffAdmin.title')} searchBox={false} wide>
      <OfficeNav ctx={ctx} items={officeNavItems(view.signedIn)} current="admin" />
      <ErrorSummary ctx={ctx} errors={view.errors} />
      {view.done === null ? null : (
        <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="staff-done-title" data-module="govuk-notification-banner">
          <div class="govuk-notification-banner__header">
            <h2 class="govuk-notification-banner__title" id="staff-done-title">{t('staffAdmin.doneTitle')}</h2>
          </div>
          <div class="govuk-notification-banner__content">
            <p class="govuk-notification-banner__heading">{t(view.done === 'granted' ? 'staffAdmin.granted' : 'staffAdmin.revoked')}</p>
          </div>
        </div>
      )}
      <h1 class="govuk-heading-l">{t('staffAdmin.title')}</h1>
      <p class="govuk-body-l">{t('staffAdmin.lead')}</p>
      <StaffTable ctx={ctx} view={view} />
      <GrantForm ctx={ctx} view={view} />
    </Layout>
  );
}

function StaffTable({ ctx, view }: { ctx: PageContext; view: StaffAdminView }) {
  const { t, lang } = ctx;
  const csrf = view.signedIn.session.csrfToken;
  const where = (r: StaffRow) => {
    const id = r.agencyId ?? r.centreId;
    return id === null ? t('staffAdmin.none') : (view.names.get(id) ?? id);
  };
  return (
    <div class="app-table-scroll" role="region" aria-labelledby="staff-caption" tabIndex={0}>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--m" id="staff-caption">{t('staffAdmin.caption')}</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">{t('staffAdmin.person')}</th>
            <th scope="col" class="govuk-table__header">{t('staffAdmin.role')}</th>
            <th scope="col" class="govuk-table__header">{t('staffAdmin.agency')}</th>
            <th scope="col" class="govuk-table__header">{t('staffAdmin.since')}</th>
            <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">{t('staffAdmin.revoke')}</span></th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {view.rows.map((r) => (
            <tr class="govuk-table__row" key={r.id}>
              <th scope="row" class="govuk-table__header">{r.name ?? r.nationalId}<br /><span class="govuk-hint govuk-!-margin-bottom-0">{r.nationalId}</span></th>
              <td class="govuk-table__cell">{t(`role.${r.role}`)}</td>
              <td class="govuk-table__cell">{where(r)}</td>
              <td class="govuk-table__cell app-nowrap">{formatDay(lang, kyivDay(r.grantedAt))}</td>
              <td class="govuk-table__cell">
                {r.nationalId === view.signedIn.person.nationalId ? <span class="govuk-hint">{t('staffAdmin.own')}</span> : (
                  <form method="post" action={paths.revokeStaffRole(lang, r.id)}>
                    <input type="hidden" name="_csrf" value={csrf} />
                    {/* A label, not visually hidden text: hidden text is positioned outside the table's scrolling region. */}
                    <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" aria-label={`${t('staffAdmin.revoke')}: ${r.name ?? r.nationalId}, ${t(`role.${r.role}`)}, ${where(r)}`}>
                      {t('staffAdmin.revoke')}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function GrantForm({ ctx, view }: { ctx: PageContext; view: StaffAdminView }) {
  const { t, lang } = ctx;
  const csrf = view.signedIn.session.csrfToken;
  const error = (f: string) => view.errors.find((e) => e.field === f)?.message;
  const v = (k: string) => view.values[k] ?? '';
  const group = (field: string, label: string, control: ComponentChildren) => (
    <div class={`govuk-form-group${error(field) ? ' govuk-form-group--error' : ''}`}>
      <label class="govuk-label" for={`filter-${field}`}>{label}</label>
      {error(field) ? <p class="govuk-error-message" id={`filter-${field}-error`}>{error(field)}</p> : null}
      {control}
    </div>
  );
  const described = (field: string) => (error(field) ? `filter-${field}-error` : undefined);
  return (
    <>
      <h2 class="govuk-heading-m">{t('staffAdmin.grantTitle')}</h2>
      <form method="post" action={paths.staffAdmin(lang)} novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        {group('nationalId', t('staffAdmin.nationalId'), <input class={`govuk-input govuk-input--width-10${error('nationalId') ? ' govuk-input--error' : ''}`} id="filter-nationalId" name="nationalId" inputMode="numeric" spellcheck={false} value={v('nationalId')} aria-describedby={described('nationalId')} />)}
        {group('role', t('staffAdmin.role'), <select class="govuk-select" id="filter-role" name="role" aria-describedby={described('role')}>{STAFF_ROLES.map((r) => <option key={r} value={r} selected={v('role') === r}>{t(`role.${r}`)}</option>)}</select>)}
        {group('agencyId', t('staffAdmin.agency'), <select class="govuk-select" id="filter-agencyId" name="agencyId" aria-describedby={described('agencyId')}><option value="">{t('staffAdmin.none')}</option>{view.agencies.map((a) => <option key={a.id} value={a.id} selected={v('agencyId') === a.id}>{a.name}</option>)}</select>)}
        {group('centreId', t('staffAdmin.centre'), <select class="govuk-select" id="filter-centreId" name="centreId" aria-describedby={described('centreId')}><option value="">{t('staffAdmin.none')}</option>{view.centres.map((c) => <option key={c.id} value={c.id} selected={v('centreId') === c.id}>{c.name}</option>)}</select>)}
        <button type="submit" class="govuk-button" data-module="govuk-button">{t('staffAdmin.grant')}</button>
      </form>
    </>
  );
}
