import type { ActingOption, SignedIn } from '../../modules/identity/index.ts';
import { partyKey } from '../../modules/identity/index.ts';
import type { Translator } from '../locales/messages.ts';
import { paths } from '../common/paths.ts';
import { formatDay } from '../common/dates.ts';
import { Layout, type PageContext } from '../common/layout.tsx';

export function basisText(t: Translator, option: ActingOption): string {
  const b = option.basis;
  const until = b.kind === 'mandate' ? b.mandates.map((m) => m.validUntil).sort().at(-1) : undefined;
  return until !== undefined ? t('basis.mandate', { until: /^\d{4}-\d{2}-\d{2}$/.test(until) ? formatDay(until, t.lang) : until }) : t(`basis.${b.kind}`);
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

