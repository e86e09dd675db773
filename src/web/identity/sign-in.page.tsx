import type { IdentityProviderConfig } from '../../modules/identity/index.ts';
import type { TextKey } from '../locales/messages.ts';
import { paths } from '../common/paths.ts';
import { Layout, type PageContext } from '../common/layout.tsx';

export function SignInPage({ ctx, citizen, staff, returnTo }: { ctx: PageContext; citizen: readonly IdentityProviderConfig[]; staff: readonly IdentityProviderConfig[]; returnTo: string | undefined }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('signIn.title')} searchBox={false}>
      <h1>{t('signIn.title')}</h1>
      <p class="lead">{t('signIn.lead')}</p>
      <h2>{t('signIn.choose')}</h2>
      <ul class="link-list idp-list">
        {citizen.map((p) => (
          <li key={p.id}><a class="button" href={paths.signInWith(lang, p.id, 'citizen', returnTo)}>{t('signIn.with', { name: p.label[lang] })}</a></li>
        ))}
      </ul>
      {staff.length > 0 ? (
        <section aria-labelledby="staff-sign-in">
          <h2 id="staff-sign-in">{t('signIn.staffTitle')}</h2>
          <p>{t('signIn.staffLead')}</p>
          <ul class="link-list">
            {staff.map((p) => <li key={p.id}><a href={paths.signInWith(lang, p.id, 'staff', returnTo)}>{t('signIn.staffWith', { name: p.label[lang] })}</a></li>)}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}

export function RefusalPage({ ctx, reason, reference }: { ctx: PageContext; reason: string; reference: string }) {
  const { t, lang } = ctx;
  const key = `refusal.${reason}` as TextKey;
  return (
    <Layout ctx={ctx} title={t('refusal.title')} searchBox={false}>
      <div class="error-summary" role="alert" aria-labelledby="refusal-title">
        <h1 id="refusal-title">{t('refusal.title')}</h1>
        <p>{t(key)}</p>
      </div>
      <p><a href={paths.signIn(lang)}>{t('refusal.again')}</a></p>
      <p class="record-meta">{t('refusal.reference', { id: reference })}</p>
    </Layout>
  );
}

export function SignedOutPage({ ctx }: { ctx: PageContext }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('signedOut.title')}>
      <h1>{t('signedOut.title')}</h1>
      <p>{t('signedOut.text')}</p>
      <p><a href={paths.signIn(lang)}>{t('session.signIn')}</a></p>
    </Layout>
  );
}
