import { THEMATIC_AREAS } from '../../modules/catalogue/index.ts';
import { paths } from '../common/paths.ts';
import type { PageContext } from '../common/layout.tsx';
import { DateInput, Fieldset, Radios, Select, TextInput } from '../common/components.tsx';
import { DATE_FIELDS, dateParts } from './mandate-form.ts';
import type { RepresentationView } from './representation.page.tsx';

type Values = RepresentationView['values'];

const valueOf = (values: Values, name: string): string => {
  const v = values[name];
  return typeof v === 'string' ? v : '';
};

const errorOf = (view: RepresentationView, field: string) => view.errors.find((e) => e.field === field)?.message;

/** The services to choose, under their agencies' names: one fieldset, a group of checkboxes per agency. */
function ServicePicker({ ctx, view }: { ctx: PageContext; view: RepresentationView }) {
  const { t } = ctx;
  let first = true;
  return (
    <Fieldset t={t} name="services" legend={t('representation.services')} error={errorOf(view, 'services')}
      hint={view.filter ? t('representation.servicesFiltered', { filter: view.filter }) : t('representation.servicesHint')}>
      {view.picker.length === 0 ? <p class="govuk-body">{t('representation.noServicesFound')}</p> : null}
      {view.picker.map((g) => (
        <div key={g.agency}>
          <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1 govuk-!-margin-top-3">{g.agency}</p>
          <div class="govuk-checkboxes govuk-checkboxes--small">
            {g.services.map((s) => {
              const id = first ? 'filter-services' : `service-${s.id}`;
              first = false;
              return (
                <div class="govuk-checkboxes__item" key={s.id}>
                  <input class="govuk-checkboxes__input" id={id} name="services" type="checkbox" value={s.id} checked={s.checked} />
                  <label class="govuk-label govuk-checkboxes__label" for={id}>{s.name}</label>
                </div>
              );
            })}
          </div>
        </div>
      ))}
    </Fieldset>
  );
}

/** Finds services for the picker: a GET form of its own, before the grant form (forms do not nest). */
function ServiceFilter({ ctx, view }: { ctx: PageContext; view: RepresentationView }) {
  const { t, lang } = ctx;
  return (
    <form method="get" action={paths.representation(lang)} class="govuk-!-margin-bottom-6" role="search">
      <TextInput t={t} name="q" size="s" label={t('representation.filterLabel')} hint={t('representation.filterHint')} type="search" width="two-thirds" maxLength={100} value={view.filter} />
      <button type="submit" class="govuk-button govuk-button--secondary">{t('representation.filterButton')}</button>
    </form>
  );
}

export function GrantForm({ ctx, view }: { ctx: PageContext; view: RepresentationView }) {
  const { t, lang } = ctx;
  const v = (name: string) => valueOf(view.values, name);
  const scope = v('scope') || 'all';
  return (
    <>
      <h2 class="govuk-heading-m" id="grant">{t('representation.grantTitle')}</h2>
      <p class="govuk-body">{t('representation.grantIntro')}</p>
      <ServiceFilter ctx={ctx} view={view} />
      <form method="post" action={paths.grantMandate(lang)} novalidate aria-labelledby="grant">
        <input type="hidden" name="_csrf" value={view.signedIn.session.csrfToken} />
        <TextInput t={t} name="representative" size="s" label={t('representation.representative')} hint={t('representation.representativeHint')} error={errorOf(view, 'representative')}
          width={10} inputMode="numeric" autoComplete="off" spellcheck={false} maxLength={12} value={v('representative')} />
        <Radios t={t} name="scope" legend={t('representation.scope')} value={scope}
          options={(['all', 'services', 'thematic'] as const).map((k) => ({ value: k, label: t(k === 'all' ? 'representation.scopeAll' : k === 'services' ? 'representation.scopeServices' : 'representation.scopeThematic') }))} />
        <ServicePicker ctx={ctx} view={view} />
        <Select t={t} name="thematic" size="s" label={t('representation.thematic')} error={errorOf(view, 'thematic')} choose="—" value={v('thematic')}
          options={THEMATIC_AREAS.map((a) => ({ value: a, label: t(`theme.${a}`) }))} />
        {DATE_FIELDS.map((f) => (
          <DateInput key={f} t={t} name={f} legend={t(`representation.${f}`)} hint={t('representation.dateHint')} error={errorOf(view, f)} value={dateParts(view.values, f)} />
        ))}
        <button type="submit" class="govuk-button">{t('representation.continue')}</button>
      </form>
    </>
  );
}
