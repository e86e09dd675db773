import type { GrantedMandate, Mandate, SignedIn } from '../../modules/identity/index.ts';
import { dayOf, isMandateActive } from '../../modules/identity/index.ts';
import type { Translator } from '../locales/messages.ts';
import { paths } from '../common/paths.ts';
import { ErrorSummary, type FieldError } from '../common/components.tsx';
import { formatDay } from '../common/dates.ts';
import { Layout, type PageContext } from '../common/layout.tsx';
import { basisText } from '../cases/cabinet.page.tsx';
import { GrantForm } from './mandate-grant.form.tsx';
import { type PickerGroup, maskedNationalId } from './mandate.view.ts';

export type Outcome = 'granted' | 'revoked' | null;

export interface RepresentationView {
  readonly signedIn: SignedIn;
  readonly canGrant: boolean;
  readonly grantorName: string;
  readonly granted: readonly GrantedMandate[];
  /** Service names by id, for the scope column. */
  readonly serviceNames: ReadonlyMap<string, string>;
  readonly picker: readonly PickerGroup[];
  readonly filter: string;
  readonly values: Readonly<Record<string, string | readonly string[]>>;
  readonly errors: readonly FieldError[];
  readonly outcome: Outcome;
  readonly today: string;
}

export function scopeText(t: Translator, scope: Mandate['scope'], names: ReadonlyMap<string, string>): string {
  switch (scope.kind) {
    case 'all':
      return t('representation.scopeAll');
    case 'services':
      return scope.serviceIds.map((id) => names.get(id) ?? id).join('; ');
    case 'thematic':
      return `${t('representation.scopeThematic')}: ${t(`theme.${scope.thematicArea}` as never)}`;
  }
}

function OutcomeBanner({ ctx, outcome }: { ctx: PageContext; outcome: Outcome }) {
  if (outcome === null) {
    return null;
  }
  const { t } = ctx;
  return (
    <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="outcome-title">
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="outcome-title">{t('representation.bannerTitle')}</h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">{t(outcome === 'granted' ? 'representation.grantedBanner' : 'representation.revokedBanner')}</p>
      </div>
    </div>
  );
}

function MandateStatus({ ctx, mandate, today }: { ctx: PageContext; mandate: GrantedMandate; today: string }) {
  const { t, lang } = ctx;
  if (mandate.revokedAt) {
    return <strong class="govuk-tag govuk-tag--grey">{t('representation.revoked', { at: formatDay(dayOf(mandate.revokedAt), lang) })}</strong>;
  }
  return isMandateActive(mandate, new Date(`${today}T12:00:00Z`))
    ? <strong class="govuk-tag govuk-tag--green">{t('representation.active')}</strong>
    : <strong class="govuk-tag govuk-tag--grey">{t('representation.expired')}</strong>;
}

function GrantedTable({ ctx, view }: { ctx: PageContext; view: RepresentationView }) {
  const { t, lang } = ctx;
  const csrf = view.signedIn.session.csrfToken;
  return (
    <div class="app-table-scroll" role="region" aria-labelledby="granted" tabIndex={0}>
      <table class="govuk-table">
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            {(['to', 'scopeColumn', 'period', 'status'] as const).map((k) => <th key={k} scope="col" class="govuk-table__header">{t(`representation.${k}`)}</th>)}
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {view.granted.map((m) => {
            const who = m.representativeName ?? maskedNationalId(m.representativeNationalId);
            return (
              <tr key={m.id} class="govuk-table__row">
                <td class="govuk-table__cell">{who}<br /><span class="govuk-hint govuk-!-margin-bottom-0">{t('representation.taxNumber', { id: maskedNationalId(m.representativeNationalId) })}</span></td>
                <td class="govuk-table__cell">{scopeText(t, m.scope, view.serviceNames)}</td>
                <td class="govuk-table__cell">{formatDay(m.validFrom, lang)} – {formatDay(m.validUntil, lang)}</td>
                <td class="govuk-table__cell">
                  <MandateStatus ctx={ctx} mandate={m} today={view.today} />
                  {m.revokedAt ? null : (
                    <form method="post" action={paths.revokeMandate(lang, m.id)} class="govuk-!-margin-top-2">
                      <input type="hidden" name="_csrf" value={csrf} />
                      <button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">
                        {t('representation.revoke')}<span class="govuk-visually-hidden">: {who}</span>
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function RepresentationPage({ ctx, view }: { ctx: PageContext; view: RepresentationView }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('representation.title')} searchBox={false} crumbs={[{ href: paths.cabinet(lang), label: t('cabinet.title') }]}>
      <OutcomeBanner ctx={ctx} outcome={view.outcome} />
      <ErrorSummary ctx={ctx} errors={view.errors} />
      <h1 class="govuk-heading-l">{t('representation.title')}</h1>
      <h2 class="govuk-heading-m" id="you-represent">{t('representation.youRepresent')}</h2>
      <ul class="govuk-list govuk-list--bullet">
        {view.signedIn.options.map((o) => <li key={`${o.party.kind}${o.party.kind === 'self' ? '' : o.party.id}`}>{o.name} — {basisText(t, o)}</li>)}
      </ul>
      <h2 class="govuk-heading-m" id="granted">{t('representation.granted', { name: view.grantorName })}</h2>
      {!view.canGrant ? <p class="govuk-body">{t('representation.cannotGrant')}</p> : view.granted.length === 0 ? <p class="govuk-body">{t('representation.none')}</p> : <GrantedTable ctx={ctx} view={view} />}
      {view.canGrant ? <GrantForm ctx={ctx} view={view} /> : null}
    </Layout>
  );
}
