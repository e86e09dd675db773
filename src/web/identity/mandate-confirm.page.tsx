import type { GrantMandate } from '../../modules/identity/index.ts';
import { paths } from '../common/paths.ts';
import { formatDay } from '../common/dates.ts';
import { Layout, type PageContext } from '../common/layout.tsx';
import { maskedNationalId } from './mandate.view.ts';
import { scopeText } from './representation.page.tsx';

export interface MandateConfirmView {
  readonly csrf: string;
  readonly grantorName: string;
  readonly representativeName: string;
  readonly input: GrantMandate;
  readonly serviceNames: ReadonlyMap<string, string>;
}

/** The second step of granting: the representative found by tax number, named, for the grantor to confirm. */
export function MandateConfirmPage({ ctx, view }: { ctx: PageContext; view: MandateConfirmView }) {
  const { t, lang } = ctx;
  const { input } = view;
  const rows: Array<[string, string]> = [
    [t('representation.confirmGrantor'), view.grantorName],
    [t('representation.to'), `${view.representativeName} (${t('representation.taxNumber', { id: maskedNationalId(input.representativeNationalId) })})`],
    [t('representation.scopeColumn'), scopeText(t, input.scope, view.serviceNames)],
    [t('representation.period'), `${formatDay(input.validFrom, lang)} – ${formatDay(input.validUntil, lang)}`],
  ];
  const services = input.scope.kind === 'services' ? input.scope.serviceIds : [];
  return (
    <Layout ctx={ctx} title={t('representation.confirmTitle', { name: view.representativeName })} searchBox={false} crumbs={[{ href: paths.cabinet(lang), label: t('cabinet.title') }, { href: paths.representation(lang), label: t('representation.title') }]}>
      <h1 class="govuk-heading-l">{t('representation.confirmTitle', { name: view.representativeName })}</h1>
      <dl class="govuk-summary-list">
        {rows.map(([key, value]) => (
          <div class="govuk-summary-list__row" key={key}>
            <dt class="govuk-summary-list__key">{key}</dt>
            <dd class="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">{t('representation.warning')}</span>
          {t('representation.confirmWarning', { name: view.representativeName })}
        </strong>
      </div>
      <form method="post" action={paths.grantMandate(lang)} novalidate>
        <input type="hidden" name="_csrf" value={view.csrf} />
        <input type="hidden" name="representative" value={input.representativeNationalId} />
        <input type="hidden" name="scope" value={input.scope.kind} />
        {services.map((s) => <input key={s} type="hidden" name="services" value={s} />)}
        <input type="hidden" name="thematic" value={input.scope.kind === 'thematic' ? input.scope.thematicArea : ''} />
        <input type="hidden" name="validFrom" value={input.validFrom} />
        <input type="hidden" name="validUntil" value={input.validUntil} />
        <div class="govuk-button-group">
          <button type="submit" name="step" value="confirm" class="govuk-button" data-module="govuk-button">{t('representation.confirmButton')}</button>
          <button type="submit" name="step" value="change" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t('representation.changeButton')}</button>
        </div>
      </form>
    </Layout>
  );
}
