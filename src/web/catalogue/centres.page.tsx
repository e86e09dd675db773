import type { Centre, Organisation, Service } from '../../modules/catalogue/index.ts';
import { paths } from '../common/paths.ts';
import { AddressLines, HoursTable, ServiceList } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';

export function CentresPage({ ctx, centres }: { ctx: PageContext; centres: readonly Centre[] }) {
  const { t, lang } = ctx;
  const cities = [...new Set(centres.map((c) => c.address.city[lang]))];
  return (
    <Layout ctx={ctx} title={t('centres.title')} crumbs={[]}>
      <h1 class="govuk-heading-l">{t('centres.title')}</h1>
      <p class="govuk-body-l">{t('centres.lead')}</p>
      {cities.map((city) => (
        <section key={city} aria-label={city}>
          <h2 class="govuk-heading-m">{city}</h2>
          <ul class="govuk-list govuk-list--spaced">
            {centres.filter((c) => c.address.city[lang] === city).map((c) => (
              <li key={c.id}><a class="govuk-link" href={paths.centre(lang, c.id)}>{c.name[lang]}</a> — {c.address.street[lang]}</li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

export interface CentreView {
  readonly centre: Centre;
  readonly owner: Organisation | null;
  readonly services: readonly Service[];
}

export function CentrePage({ ctx, view }: { ctx: PageContext; view: CentreView }) {
  const { t, lang } = ctx;
  const c = view.centre;
  return (
    <Layout ctx={ctx} title={c.name[lang]} crumbs={[{ href: paths.centres(lang), label: t('centres.title') }]}>
      <h1 class="govuk-heading-l">{c.name[lang]}</h1>
      {view.owner ? <p class="govuk-body">{t('centre.owner')}: <a class="govuk-link" href={paths.agency(lang, view.owner.id)}>{view.owner.name[lang]}</a></p> : null}
      <div class="govuk-grid-row">
        <section class="govuk-grid-column-one-half" aria-labelledby="address">
          <h2 class="govuk-heading-m" id="address">{t('centre.address')}</h2>
          <AddressLines ctx={ctx} address={c.address} />
          <ul class="govuk-list">
            {c.phone ? <li>{t('service.callUs', { phone: c.phone })}</li> : null}
            {c.email ? <li><a class="govuk-link" href={`mailto:${c.email}`}>{c.email}</a></li> : null}
          </ul>
        </section>
        <section class="govuk-grid-column-one-half" aria-labelledby="hours">
          <h2 class="govuk-heading-m" id="hours">{t('centre.hours')}</h2>
          <HoursTable ctx={ctx} hours={c.openingHours} caption={c.name[lang]} />
          {c.notes ? <p class="govuk-body">{c.notes[lang]}</p> : null}
          {(c.appointments ?? []).length > 0 ? <p class="govuk-body"><a class="govuk-link" href={paths.bookAppointment(lang, { centre: c.id })}>{t('appointments.book')}</a></p> : null}
        </section>
      </div>
      {c.accessibility ? (
        <section aria-labelledby="accessibility">
          <h2 class="govuk-heading-m" id="accessibility">{t('centre.accessibility')}</h2>
          <p class="govuk-body">{c.accessibility[lang]}</p>
        </section>
      ) : null}
      <section aria-labelledby="centre-services">
        <h2 class="govuk-heading-m" id="centre-services">{t('centre.services')} ({view.services.length})</h2>
        <ServiceList ctx={ctx} services={view.services} />
      </section>
    </Layout>
  );
}
