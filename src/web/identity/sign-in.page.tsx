import type { BeginSignInFailure, CompleteSignInFailure, IdentityProviderConfig } from '../../modules/identity/index.ts';
import { paths } from '../common/paths.ts';
import { ButtonLink } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';

export function SignInPage({ ctx, citizen, staff, returnTo }: { ctx: PageContext; citizen: readonly IdentityProviderConfig[]; staff: readonly IdentityProviderConfig[]; returnTo: string | undefined }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('signIn.title')} searchBox={false}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{t('signIn.title')}</h1>
          <p class="govuk-body-l">{t('signIn.lead')}</p>
          <h2 class="govuk-heading-m">{t('signIn.choose')}</h2>
          <ul class="govuk-list">
            {citizen.map((p) => (
              <li key={p.id}><ButtonLink href={paths.signInWith(lang, p.id, 'citizen', returnTo)}>{t('signIn.with', { name: p.label[lang] })}</ButtonLink></li>
            ))}
          </ul>
          {staff.length > 0 ? (
            <section aria-labelledby="staff-sign-in">
              <h2 class="govuk-heading-m" id="staff-sign-in">{t('signIn.staffTitle')}</h2>
              <p class="govuk-body">{t('signIn.staffLead')}</p>
              <ul class="govuk-list">
                {staff.map((p) => <li key={p.id}><a class="govuk-link" href={paths.signInWith(lang, p.id, 'staff', returnTo)}>{t('signIn.staffWith', { name: p.label[lang] })}</a></li>)}
              </ul>
            </section>
          ) : null}
        </div>
      </div>
    </Layout>
  );
}

/** What a refusal page explains: a refused sign-in, or a refusal at the gate. */
export type RefusalReason =
  | 'unknown-provider' | 'staff-not-allowed' | 'state-unknown' | 'state-mismatch' | 'request-expired' | 'code-rejected' | 'token-invalid'
  | 'provider-error' | 'provider-unreachable' | 'assurance-too-low' | 'not-staff' | 'browser-mismatch' | 'rate-limited'
  | 'csrf' | 'session-expired' | 'forbidden';

/** The status and explanation of a refused sign-in, by its code. */
export function signInRefusal(e: BeginSignInFailure | CompleteSignInFailure): { readonly status: number; readonly reason: RefusalReason } {
  switch (e.code) {
    case 'identity.sign_in_provider_unknown':
      return { status: 400, reason: 'unknown-provider' };
    case 'identity.sign_in_staff_not_offered':
      return { status: 400, reason: 'staff-not-allowed' };
    case 'identity.sign_in_state_unknown':
      return { status: 400, reason: 'state-unknown' };
    case 'identity.sign_in_state_mismatch':
      return { status: 400, reason: 'state-mismatch' };
    case 'identity.sign_in_expired':
      return { status: 400, reason: 'request-expired' };
    case 'identity.sign_in_code_rejected':
      return { status: 400, reason: 'code-rejected' };
    case 'identity.sign_in_token_invalid':
      return { status: 400, reason: 'token-invalid' };
    case 'identity.sign_in_provider_error':
      return { status: 400, reason: 'provider-error' };
    case 'identity.sign_in_provider_unreachable':
      return { status: 400, reason: 'provider-unreachable' };
    case 'identity.sign_in_assurance_too_low':
      return { status: 400, reason: 'assurance-too-low' };
    case 'identity.sign_in_not_staff':
      return { status: 400, reason: 'not-staff' };
    case 'identity.sign_in_browser_mismatch':
      return { status: 400, reason: 'browser-mismatch' };
    case 'identity.sign_in_rate_limited':
      return { status: 429, reason: 'rate-limited' };
    default: {
      const unexpected: never = e;
      return unexpected;
    }
  }
}

export function RefusalPage({ ctx, reason, reference }: { ctx: PageContext; reason: RefusalReason; reference: string }) {
  const { t, lang } = ctx;
  const key = `refusal.${reason}` as const;
  return (
    <Layout ctx={ctx} title={t('refusal.title')} searchBox={false}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{t('refusal.title')}</h1>
          <p class="govuk-body-l">{t(key)}</p>
          <p class="govuk-body"><a class="govuk-link" href={paths.signIn(lang)}>{t('refusal.again')}</a></p>
          <p class="govuk-body-s app-record-meta">{t('refusal.reference', { id: reference })}</p>
        </div>
      </div>
    </Layout>
  );
}

export function SignedOutPage({ ctx }: { ctx: PageContext }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('signedOut.title')}>
      <h1 class="govuk-heading-l">{t('signedOut.title')}</h1>
      <p class="govuk-body">{t('signedOut.text')}</p>
      <p class="govuk-body"><a class="govuk-link" href={paths.signIn(lang)}>{t('session.signIn')}</a></p>
    </Layout>
  );
}
