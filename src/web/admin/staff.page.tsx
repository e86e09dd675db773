import { kyivDay } from '../../kernel/state-time.ts';
import type { SignedIn, StaffRow } from '../../modules/identity/index.ts';
import { STAFF_ROLES } from '../../modules/identity/index.ts';
import { paths } from '../common/paths.ts';
import { ErrorSummary, type FieldError } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { Button, NotificationBanner, TableScroll } from '../common/govuk.tsx';
import { Select, TextInput } from '../common/inputs.tsx';
import { errorOf } from '../office/fields.tsx';
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
      {view.done === null ? null : <NotificationBanner t={t} kind="success" heading={t(view.done === 'granted' ? 'staffAdmin.granted' : 'staffAdmin.revoked')} />}
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
    <TableScroll label={t('staffAdmin.caption')}>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--m">{t('staffAdmin.caption')}</caption>
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
              <th scope="row" class="govuk-table__header">
                {r.name === null ? <span class="app-nowrap">{r.nationalId}</span> : <>{r.name}<br /><span class="govuk-hint govuk-!-margin-bottom-0">{r.nationalId}</span></>}
              </th>
              <td class="govuk-table__cell">{t(`role.${r.role}`)}</td>
              <td class="govuk-table__cell">{where(r)}</td>
              <td class="govuk-table__cell app-nowrap">{formatDay(lang, kyivDay(r.grantedAt))}</td>
              <td class="govuk-table__cell">
                {r.nationalId === view.signedIn.person.nationalId ? <span class="govuk-hint">{t('staffAdmin.own')}</span> : (
                  <form method="post" action={paths.revokeStaffRole(lang, r.id)} class="app-inline-form">
                    <input type="hidden" name="_csrf" value={csrf} />
                    {/* A label, not visually hidden text: hidden text is positioned outside the table's scrolling region. */}
                    <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" aria-label={`${t('staffAdmin.revoke')}: ${r.name ?? r.nationalId}, ${t(`role.${r.role}`)}, ${where(r)}`}>
                      {t('staffAdmin.revoke')}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function GrantForm({ ctx, view }: { ctx: PageContext; view: StaffAdminView }) {
  const { t, lang } = ctx;
  const error = (f: string) => errorOf(view.errors, f);
  const v = (k: string) => view.values[k] ?? '';
  return (
    <>
      <h2 class="govuk-heading-m">{t('staffAdmin.grantTitle')}</h2>
      <form method="post" action={paths.staffAdmin(lang)} novalidate>
        <input type="hidden" name="_csrf" value={view.signedIn.session.csrfToken} />
        <TextInput t={t} name="nationalId" label={t('staffAdmin.nationalId')} width={10} inputMode="numeric" spellcheck={false} value={v('nationalId')} error={error('nationalId')} />
        <Select t={t} name="role" label={t('staffAdmin.role')} options={STAFF_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} value={v('role')} error={error('role')} />
        <Select t={t} name="agencyId" label={t('staffAdmin.agency')} choose={t('staffAdmin.none')} options={view.agencies.map((a) => ({ value: a.id, label: a.name }))} value={v('agencyId')} error={error('agencyId')} />
        <Select t={t} name="centreId" label={t('staffAdmin.centre')} choose={t('staffAdmin.none')} options={view.centres.map((c) => ({ value: c.id, label: c.name }))} value={v('centreId')} error={error('centreId')} />
        <Button>{t('staffAdmin.grant')}</Button>
      </form>
    </>
  );
}
