import type { IdentityProviderConfig } from '../../modules/identity/index.ts';
import type { TextKey } from '../locales/messages.ts';
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

export function RefusalPage({ ctx, reason, reference }: { ctx: PageContext; reason: string; reference: string }) {
  const { t, lang } = ctx;
  const key = `refusal.${reason}` as TextKey;
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
