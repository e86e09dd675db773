import type { ActingOption, SignedIn } from '../../modules/identity/index.ts';
import { partyKey } from '../../modules/identity/index.ts';
import type { Translator } from '../locales/messages.ts';
import { paths } from '../common/paths.ts';
import { Layout, type PageContext } from '../common/layout.tsx';

export function basisText(t: Translator, option: ActingOption): string {
  const b = option.basis;
  return b.kind === 'mandate' ? t('basis.mandate', { until: b.mandates.map((m) => m.validUntil).sort().at(-1) ?? '' }) : t(`basis.${b.kind}`);
}

export function CabinetPage({ ctx, signedIn }: { ctx: PageContext; signedIn: SignedIn }) {
  const { t, lang } = ctx;
  const { person, actor, staff } = signedIn;
  const csrf = signedIn.session.csrfToken;
  return (
    <Layout ctx={ctx} title={t('cabinet.title')} searchBox={false}>
      <h1>{t('cabinet.title')}</h1>
      <section aria-labelledby="profile">
        <h2 id="profile">{t('cabinet.profile')}</h2>
        <dl class="summary">
          <div><dt>{t('cabinet.name')}</dt><dd>{person.givenName} {person.familyName}</dd></div>
          <div><dt>{t('cabinet.nationalId')}</dt><dd>{person.nationalId ?? t('cabinet.noNationalId')}</dd></div>
          {person.birthDate ? <div><dt>{t('cabinet.birthDate')}</dt><dd>{person.birthDate}</dd></div> : null}
        </dl>
        <p class="hint">{t('cabinet.profileNote')}</p>
      </section>
      <section aria-labelledby="acting">
        <h2 id="acting">{t('cabinet.acting')}</h2>
        <p><strong>{actor.acting.name}</strong> ({basisText(t, actor.acting)})</p>
        {signedIn.options.length > 1 ? <p><a href={paths.actAs(lang)}>{t('session.changeActing')}</a></p> : null}
        <p><a href={paths.representation(lang)}>{t('cabinet.representation')}</a></p>
      </section>
      <section aria-labelledby="applications">
        <h2 id="applications">{t('cases.mine')}</h2>
        <p><a href={paths.myApplications(lang)}>{t('cases.mine')}</a></p>
      </section>
      <section aria-labelledby="contacts">
        <h2 id="contacts">{t('cabinet.contacts')}</h2>
        <p><a href={paths.contacts(lang)}>{t('cabinet.contacts')}</a></p>
      </section>
      {staff.length > 0 && actor.realm === 'staff' ? (
        <section aria-labelledby="roles">
          <h2 id="roles">{t('cabinet.roles')}</h2>
          <ul>{staff.map((s) => <li key={s.id}>{t(`role.${s.role}`)}{s.agencyId ? ` — ${s.agencyId}` : ''}{s.centreId ? ` — ${s.centreId}` : ''}</li>)}</ul>
          <p><a href={paths.staffHome(lang)}>{t('staff.title')}</a></p>
        </section>
      ) : null}
      <form method="post" action={paths.signOutEverywhere(lang)}>
        <input type="hidden" name="_csrf" value={csrf} />
        <button type="submit" class="secondary">{t('cabinet.signOutEverywhere')}</button>
      </form>
    </Layout>
  );
}

export function ActAsPage({ ctx, signedIn, refused }: { ctx: PageContext; signedIn: SignedIn; refused: boolean }) {
  const { t, lang } = ctx;
  const current = partyKey(signedIn.actor.acting.party);
  return (
    <Layout ctx={ctx} title={t('actAs.title')} searchBox={false}>
      {refused ? <div class="error-summary" role="alert"><h2>{t('error.summary')}</h2><p>{t('refusal.acting')}</p></div> : null}
      <h1>{t('actAs.title')}</h1>
      <p class="lead">{t('actAs.lead')}</p>
      <form method="post" action={paths.actAs(lang)}>
        <input type="hidden" name="_csrf" value={signedIn.session.csrfToken} />
        <fieldset>
          <legend class="visually-hidden">{t('actAs.title')}</legend>
          {signedIn.options.map((o) => {
            const key = partyKey(o.party);
            const id = `party-${key.replace(/[^a-z0-9]/g, '-')}`;
            return (
              <div class="radio" key={key}>
                <input type="radio" id={id} name="party" value={key} checked={key === current} />
                <label for={id}>{o.name} <span class="hint">({basisText(t, o)})</span></label>
              </div>
            );
          })}
        </fieldset>
        <button type="submit">{t('actAs.submit')}</button>
      </form>
    </Layout>
  );
}

