import type { Centre, Organisation, Service } from '../../modules/catalogue/index.ts';
import { paths } from '../common/paths.ts';
import { AddressLines, HoursTable, ServiceList } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';

export function CentresPage({ ctx, centres }: { ctx: PageContext; centres: readonly Centre[] }) {
  const { t, lang } = ctx;
  const cities = [...new Set(centres.map((c) => c.address.city[lang]))];
  return (
    <Layout ctx={ctx} title={t('centres.title')} crumbs={[]}>
      <h1>{t('centres.title')}</h1>
      <p class="lead">{t('centres.lead')}</p>
      {cities.map((city) => (
        <section key={city} aria-label={city}>
          <h2>{city}</h2>
          <ul class="link-list">
            {centres.filter((c) => c.address.city[lang] === city).map((c) => (
              <li key={c.id}><a href={paths.centre(lang, c.id)}>{c.name[lang]}</a> — {c.address.street[lang]}</li>
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
      <h1>{c.name[lang]}</h1>
      {view.owner ? <p>{t('centre.owner')}: <a href={paths.agency(lang, view.owner.id)}>{view.owner.name[lang]}</a></p> : null}
      <div class="columns">
        <section aria-labelledby="address">
          <h2 id="address">{t('centre.address')}</h2>
          <AddressLines ctx={ctx} address={c.address} />
          <ul class="plain">
            {c.phone ? <li>{t('service.callUs', { phone: c.phone })}</li> : null}
            {c.email ? <li><a href={`mailto:${c.email}`}>{c.email}</a></li> : null}
          </ul>
        </section>
        <section aria-labelledby="hours">
          <h2 id="hours">{t('centre.hours')}</h2>
          <HoursTable ctx={ctx} hours={c.openingHours} caption={c.name[lang]} />
          {c.notes ? <p>{c.notes[lang]}</p> : null}
        </section>
      </div>
      {c.accessibility ? (
        <section aria-labelledby="accessibility">
          <h2 id="accessibility">{t('centre.accessibility')}</h2>
          <p>{c.accessibility[lang]}</p>
        </section>
      ) : null}
      <section aria-labelledby="centre-services">
        <h2 id="centre-services">{t('centre.services')} ({view.services.length})</h2>
        <ServiceList ctx={ctx} services={view.services} />
      </section>
    </Layout>
  );
}
