import type { ActingOption, SignedIn } from '../../modules/identity/index.ts';
import { partyKey } from '../../modules/identity/index.ts';
import type { Translator } from '../locales/messages.ts';
import { paths } from '../common/paths.ts';
import { formatDay } from '../common/dates.ts';
import { Button, ErrorSummary, Radios } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';

export function basisText(t: Translator, option: ActingOption): string {
  const b = option.basis;
  const until = b.kind === 'mandate' ? b.mandates.map((m) => m.validUntil).sort().at(-1) : undefined;
  return until !== undefined ? t('basis.mandate', { until: /^\d{4}-\d{2}-\d{2}$/.test(until) ? formatDay(until, t.lang) : until }) : t(`basis.${b.kind}`);
}

export function ActAsPage({ ctx, signedIn, refused }: { ctx: PageContext; signedIn: SignedIn; refused: boolean }) {
  const { t, lang } = ctx;
  const current = partyKey(signedIn.actor.acting.party);
  const error = refused ? t('refusal.acting') : undefined;
  const options = signedIn.options.map((o) => ({ value: partyKey(o.party), label: o.name, hint: basisText(t, o) }));
  return (
    <Layout ctx={ctx} title={`${error ? `${t('error.prefix')} ` : ''}${t('actAs.title')}`} searchBox={false}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary ctx={ctx} errors={error ? [{ field: 'party', message: error }] : []} />
          <form method="post" action={paths.actAs(lang)} novalidate>
            <input type="hidden" name="_csrf" value={signedIn.session.csrfToken} />
            <Radios t={t} name="party" legend={t('actAs.title')} heading="l" hint={t('actAs.lead')} error={error} options={options} value={current} />
            <Button>{t('actAs.submit')}</Button>
          </form>
        </div>
      </div>
    </Layout>
  );
}
