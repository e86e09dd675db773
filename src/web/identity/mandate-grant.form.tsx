import { THEMATIC_AREAS } from '../../modules/catalogue/index.ts';
import { paths } from '../common/paths.ts';
import type { PageContext } from '../common/layout.tsx';
import { DATE_FIELDS, type DateField, dateParts } from './mandate-form.ts';
import type { RepresentationView } from './representation.page.tsx';

type Values = RepresentationView['values'];

const valueOf = (values: Values, name: string): string => {
  const v = values[name];
  return typeof v === 'string' ? v : '';
};

function ErrorMessage({ ctx, view, field }: { ctx: PageContext; view: RepresentationView; field: string }) {
  const error = view.errors.find((e) => e.field === field);
  return error ? (
    <p class="govuk-error-message" id={`filter-${field}-error`}>
      <span class="govuk-visually-hidden">{ctx.t('error.prefix')}</span> {error.message}
    </p>
  ) : null;
}

const groupClass = (view: RepresentationView, field: string) => `govuk-form-group${view.errors.some((e) => e.field === field) ? ' govuk-form-group--error' : ''}`;

function DateInput({ ctx, view, field }: { ctx: PageContext; view: RepresentationView; field: DateField }) {
  const { t } = ctx;
  const parts = dateParts(view.values, field);
  const failed = view.errors.some((e) => e.field === field);
  return (
    <div class={groupClass(view, field)}>
      <fieldset class="govuk-fieldset" role="group" aria-describedby={`${field}-hint${failed ? ` filter-${field}-error` : ''}`}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t(`representation.${field}`)}</legend>
        <div class="govuk-hint" id={`${field}-hint`}>{t('representation.dateHint')}</div>
        <ErrorMessage ctx={ctx} view={view} field={field} />
        <div class="govuk-date-input">
          {(['day', 'month', 'year'] as const).map((part, i) => (
            <div class="govuk-date-input__item" key={part}>
              <div class="govuk-form-group">
                <label class="govuk-label govuk-date-input__label" for={i === 0 ? `filter-${field}` : `filter-${field}-${part}`}>{t(`date.${part}`)}</label>
                <input
                  class={`govuk-input govuk-date-input__input govuk-input--width-${part === 'year' ? 4 : 2}${failed ? ' govuk-input--error' : ''}`}
                  id={i === 0 ? `filter-${field}` : `filter-${field}-${part}`} name={`${field}-${part}`} type="text" inputMode="numeric"
                  maxLength={part === 'year' ? 4 : 2} value={parts[part]}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

function ServicePicker({ ctx, view }: { ctx: PageContext; view: RepresentationView }) {
  const { t } = ctx;
  let first = true;
  return (
    <div class={groupClass(view, 'services')}>
      <fieldset class="govuk-fieldset" aria-describedby="services-hint">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t('representation.services')}</legend>
        <div class="govuk-hint" id="services-hint">{view.filter ? t('representation.servicesFiltered', { filter: view.filter }) : t('representation.servicesHint')}</div>
        <ErrorMessage ctx={ctx} view={view} field="services" />
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
      </fieldset>
    </div>
  );
}

/** Finds services for the picker: a GET form of its own, before the grant form (forms do not nest). */
function ServiceFilter({ ctx, view }: { ctx: PageContext; view: RepresentationView }) {
  const { t, lang } = ctx;
  return (
    <form method="get" action={paths.representation(lang)} class="govuk-!-margin-bottom-6" role="search">
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="service-filter">{t('representation.filterLabel')}</label>
        <div class="govuk-hint" id="service-filter-hint">{t('representation.filterHint')}</div>
        <input class="govuk-input govuk-!-width-two-thirds" id="service-filter" name="q" type="search" maxLength={100} value={view.filter} aria-describedby="service-filter-hint" />
      </div>
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t('representation.filterButton')}</button>
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
        <div class={groupClass(view, 'representative')}>
          <label class="govuk-label govuk-label--s" for="filter-representative">{t('representation.representative')}</label>
          <div class="govuk-hint" id="representative-hint">{t('representation.representativeHint')}</div>
          <ErrorMessage ctx={ctx} view={view} field="representative" />
          <input
            class={`govuk-input govuk-input--width-10${view.errors.some((e) => e.field === 'representative') ? ' govuk-input--error' : ''}`}
            id="filter-representative" name="representative" inputMode="numeric" autoComplete="off" spellcheck={false} maxLength={12}
            value={v('representative')} aria-describedby="representative-hint"
          />
        </div>
        <div class="govuk-form-group">
          <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t('representation.scope')}</legend>
            <div class="govuk-radios govuk-radios--small">
              {(['all', 'services', 'thematic'] as const).map((k) => (
                <div class="govuk-radios__item" key={k}>
                  <input class="govuk-radios__input" type="radio" id={`scope-${k}`} name="scope" value={k} checked={scope === k} />
                  <label class="govuk-label govuk-radios__label" for={`scope-${k}`}>{t(k === 'all' ? 'representation.scopeAll' : k === 'services' ? 'representation.scopeServices' : 'representation.scopeThematic')}</label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <ServicePicker ctx={ctx} view={view} />
        <div class={groupClass(view, 'thematic')}>
          <label class="govuk-label govuk-label--s" for="filter-thematic">{t('representation.thematic')}</label>
          <ErrorMessage ctx={ctx} view={view} field="thematic" />
          <select class="govuk-select" id="filter-thematic" name="thematic">
            <option value="">—</option>
            {THEMATIC_AREAS.map((a) => <option key={a} value={a} selected={v('thematic') === a}>{t(`theme.${a}`)}</option>)}
          </select>
        </div>
        {DATE_FIELDS.map((f) => <DateInput key={f} ctx={ctx} view={view} field={f} />)}
        <button type="submit" class="govuk-button" data-module="govuk-button">{t('representation.continue')}</button>
      </form>
    </>
  );
}
