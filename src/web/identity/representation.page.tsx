import type { Mandate, SignedIn } from '../../modules/identity/index.ts';
import { THEMATIC_AREAS } from '../../modules/catalogue/index.ts';
import { kyivDay } from '../../kernel/state-time.ts';
import type { Translator } from '../locales/messages.ts';
import { paths } from '../common/paths.ts';
import { ErrorSummary, type FieldError } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { basisText } from '../cases/cabinet.page.tsx';

export interface RepresentationView {
  readonly signedIn: SignedIn;
  readonly canGrant: boolean;
  readonly grantorName: string;
  readonly granted: ReadonlyArray<Mandate & { readonly active: boolean }>;
  readonly services: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly values: Readonly<Record<string, string | readonly string[]>>;
  readonly errors: readonly FieldError[];
}

function scopeText(t: Translator, m: Mandate, names: ReadonlyMap<string, string>): string {
  switch (m.scope.kind) {
    case 'all':
      return t('representation.scopeAll');
    case 'services':
      return m.scope.serviceIds.map((id) => names.get(id) ?? id).join('; ');
    case 'thematic':
      return `${t('representation.scopeThematic')}: ${t(`theme.${m.scope.thematicArea}` as never)}`;
  }
}

export function RepresentationPage({ ctx, view }: { ctx: PageContext; view: RepresentationView }) {
  const { t, lang } = ctx;
  const names = new Map(view.services.map((s) => [s.id, s.name]));
  const csrf = view.signedIn.session.csrfToken;
  return (
    <Layout ctx={ctx} title={t('representation.title')} searchBox={false} crumbs={[{ href: paths.cabinet(lang), label: t('cabinet.title') }]}>
      <ErrorSummary ctx={ctx} errors={view.errors} />
      <h1>{t('representation.title')}</h1>
      <section aria-labelledby="you-represent">
        <h2 id="you-represent">{t('representation.youRepresent')}</h2>
        <ul>{view.signedIn.options.map((o) => <li key={`${o.party.kind}${o.party.kind === 'self' ? '' : o.party.id}`}>{o.name} — {basisText(t, o)}</li>)}</ul>
      </section>
      <section aria-labelledby="granted">
        <h2 id="granted">{t('representation.granted', { name: view.grantorName })}</h2>
        {!view.canGrant ? <p>{t('representation.cannotGrant')}</p> : view.granted.length === 0 ? <p>{t('representation.none')}</p> : (
          <table class="data">
            <thead><tr><th scope="col">{t('representation.to')}</th><th scope="col">{t('representation.scopeColumn')}</th><th scope="col">{t('representation.period')}</th><th scope="col">{t('representation.status')}</th></tr></thead>
            <tbody>
              {view.granted.map((m) => (
                <tr key={m.id}>
                  <td>{m.representativeNationalId}</td>
                  <td>{scopeText(t, m, names)}</td>
                  <td>{m.validFrom} – {m.validUntil}</td>
                  <td>
                    {m.revokedAt ? t('representation.revoked', { at: kyivDay(m.revokedAt) }) : m.active ? t('representation.active') : t('representation.expired')}
                    {m.revokedAt ? null : (
                      <form method="post" action={paths.revokeMandate(lang, m.id)} class="inline-form">
                        <input type="hidden" name="_csrf" value={csrf} />
                        <button type="submit" class="secondary" aria-label={`${t('representation.revoke')}: ${m.representativeNationalId}`}>{t('representation.revoke')}</button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {view.canGrant ? <GrantForm ctx={ctx} view={view} csrf={csrf} /> : null}
    </Layout>
  );
}

function GrantForm({ ctx, view, csrf }: { ctx: PageContext; view: RepresentationView; csrf: string }) {
  const { t, lang } = ctx;
  const v = (name: string): string => {
    const value = view.values[name];
    return typeof value === 'string' ? value : '';
  };
  const services = view.values['services'];
  const chosen = new Set(typeof services === 'string' ? [services] : (services ?? []));
  const error = (field: string) => view.errors.find((e) => e.field === field);
  const Message = ({ field }: { field: string }) => (error(field) ? <p class="error-message" id={`filter-${field}-error`}>{error(field)?.message}</p> : null);
  const scope = v('scope') || 'all';
  return (
    <section aria-labelledby="grant">
      <h2 id="grant">{t('representation.grantTitle')}</h2>
      <form method="post" action={paths.grantMandate(lang)} novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <div class={`field${error('representative') ? ' field-error' : ''}`}>
          <label for="filter-representative">{t('representation.representative')}</label>
          <p class="hint" id="representative-hint">{t('representation.representativeHint')}</p>
          <Message field="representative" />
          <input id="filter-representative" name="representative" inputMode="numeric" autoComplete="off" value={v('representative')} aria-describedby="representative-hint" />
        </div>
        <fieldset class="field">
          <legend>{t('representation.scope')}</legend>
          {(['all', 'services', 'thematic'] as const).map((k) => (
            <div class="radio" key={k}>
              <input type="radio" id={`scope-${k}`} name="scope" value={k} checked={scope === k} />
              <label for={`scope-${k}`}>{t(k === 'all' ? 'representation.scopeAll' : k === 'services' ? 'representation.scopeServices' : 'representation.scopeThematic')}</label>
            </div>
          ))}
        </fieldset>
        <div class={`field${error('services') ? ' field-error' : ''}`}>
          <label for="filter-services">{t('representation.services')}</label>
          <Message field="services" />
          <select id="filter-services" name="services" multiple size={8}>
            {view.services.map((s) => <option key={s.id} value={s.id} selected={chosen.has(s.id)}>{s.name}</option>)}
          </select>
        </div>
        <div class={`field${error('thematic') ? ' field-error' : ''}`}>
          <label for="filter-thematic">{t('representation.thematic')}</label>
          <Message field="thematic" />
          <select id="filter-thematic" name="thematic">
            <option value="">—</option>
            {THEMATIC_AREAS.map((a) => <option key={a} value={a} selected={v('thematic') === a}>{t(`theme.${a}`)}</option>)}
          </select>
        </div>
        {(['validFrom', 'validUntil'] as const).map((f) => (
          <div key={f} class={`field${error(f) ? ' field-error' : ''}`}>
            <label for={`filter-${f}`}>{t(`representation.${f}`)}</label>
            <Message field={f} />
            <input id={`filter-${f}`} name={f} type="date" value={v(f)} />
          </div>
        ))}
        <button type="submit">{t('representation.grant')}</button>
      </form>
    </section>
  );
}
