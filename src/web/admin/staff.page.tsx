import { kyivDay } from '../../kernel/state-time.ts';
import type { SignedIn, StaffRow } from '../../modules/identity/index.ts';
import { STAFF_ROLES } from '../../modules/identity/index.ts';
import { paths } from '../common/paths.ts';
import { ErrorSummary, type FieldError } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';

export interface StaffAdminView {
  readonly signedIn: SignedIn;
  readonly rows: readonly StaffRow[];
  readonly agencies: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly centres: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly errors: readonly FieldError[];
  readonly values: Readonly<Record<string, string>>;
}

export function StaffAdminPage({ ctx, view }: { ctx: PageContext; view: StaffAdminView }) {
  const { t, lang } = ctx;
  const csrf = view.signedIn.session.csrfToken;
  const agencyName = new Map(view.agencies.map((a) => [a.id, a.name]));
  const centreName = new Map(view.centres.map((c) => [c.id, c.name]));
  const error = (f: string) => view.errors.find((e) => e.field === f)?.message;
  const v = (k: string) => view.values[k] ?? '';
  return (
    <Layout ctx={ctx} title={t('staffAdmin.title')} searchBox={false} crumbs={[{ href: paths.staffHome(lang), label: t('staff.title') }]}>
      <ErrorSummary ctx={ctx} errors={view.errors} />
      <h1>{t('staffAdmin.title')}</h1>
      <p class="lead">{t('staffAdmin.lead')}</p>
      <table class="data">
        <thead><tr><th scope="col">{t('staffAdmin.person')}</th><th scope="col">{t('staffAdmin.role')}</th><th scope="col">{t('staffAdmin.agency')}</th><th scope="col">{t('staffAdmin.since')}</th><th scope="col"><span class="visually-hidden">{t('staffAdmin.revoke')}</span></th></tr></thead>
        <tbody>
          {view.rows.map((r) => (
            <tr key={r.id}>
              <td>{r.name ?? r.nationalId}<br /><span class="hint">{r.nationalId}</span></td>
              <td>{t(`role.${r.role}`)}</td>
              <td>{r.agencyId ? (agencyName.get(r.agencyId) ?? r.agencyId) : r.centreId ? (centreName.get(r.centreId) ?? r.centreId) : t('staffAdmin.none')}</td>
              <td>{kyivDay(r.grantedAt)}</td>
              <td>
                {r.nationalId === view.signedIn.person.nationalId ? <span class="hint">{t('staffAdmin.own')}</span> : (
                  <form method="post" action={paths.revokeStaffRole(lang, r.id)} class="inline-form">
                    <input type="hidden" name="_csrf" value={csrf} />
                    <button type="submit" class="secondary" aria-label={`${t('staffAdmin.revoke')}: ${r.name ?? r.nationalId}, ${t(`role.${r.role}`)}`}>{t('staffAdmin.revoke')}</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('staffAdmin.grantTitle')}</h2>
      <form method="post" action={paths.staffAdmin(lang)} novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <div class={`field${error('nationalId') ? ' field-error' : ''}`}>
          <label for="filter-nationalId">{t('staffAdmin.nationalId')}</label>
          {error('nationalId') ? <p class="error-message">{error('nationalId')}</p> : null}
          <input id="filter-nationalId" name="nationalId" inputMode="numeric" value={v('nationalId')} />
        </div>
        <div class={`field${error('role') ? ' field-error' : ''}`}>
          <label for="filter-role">{t('staffAdmin.role')}</label>
          {error('role') ? <p class="error-message">{error('role')}</p> : null}
          <select id="filter-role" name="role">{STAFF_ROLES.map((r) => <option key={r} value={r} selected={v('role') === r}>{t(`role.${r}`)}</option>)}</select>
        </div>
        <div class={`field${error('agencyId') ? ' field-error' : ''}`}>
          <label for="filter-agencyId">{t('staffAdmin.agency')}</label>
          {error('agencyId') ? <p class="error-message">{error('agencyId')}</p> : null}
          <select id="filter-agencyId" name="agencyId"><option value="">—</option>{view.agencies.map((a) => <option key={a.id} value={a.id} selected={v('agencyId') === a.id}>{a.name}</option>)}</select>
        </div>
        <div class={`field${error('centreId') ? ' field-error' : ''}`}>
          <label for="filter-centreId">{t('staffAdmin.centre')}</label>
          {error('centreId') ? <p class="error-message">{error('centreId')}</p> : null}
          <select id="filter-centreId" name="centreId"><option value="">—</option>{view.centres.map((c) => <option key={c.id} value={c.id} selected={v('centreId') === c.id}>{c.name}</option>)}</select>
        </div>
        <button type="submit">{t('staffAdmin.grant')}</button>
      </form>
    </Layout>
  );
}
