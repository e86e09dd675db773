import type { CatalogueEvent, Service } from '../../modules/catalogue/index.ts';
import { paths } from '../common/paths.ts';
import { ServiceList } from '../common/components.tsx';
import { Layout, type PageContext, SearchForm } from '../common/layout.tsx';

export interface HomeView {
  readonly popular: readonly Service[];
  readonly events: readonly CatalogueEvent[];
}

export function HomePage({ ctx, view }: { ctx: PageContext; view: HomeView }) {
  const { t, lang } = ctx;
  const life = view.events.filter((e) => e.kind === 'life');
  const business = view.events.filter((e) => e.kind === 'business');
  return (
    <Layout ctx={ctx} title={t('home.title')} searchBox={false}>
      <div class="hero">
        <h1>{t('home.title')}</h1>
        <p class="lead">{t('home.lead')}</p>
        <SearchForm ctx={ctx} id="home-search" />
      </div>
      <div class="cards audience-cards">
        <section class="card" aria-labelledby="for-individuals">
          <h2 id="for-individuals"><a href={paths.search(lang, { audience: 'individual' })}>{t('home.forIndividuals')}</a></h2>
          <p>{t('home.forIndividualsText')}</p>
        </section>
        <section class="card" aria-labelledby="for-businesses">
          <h2 id="for-businesses"><a href={paths.search(lang, { audience: 'business' })}>{t('home.forBusinesses')}</a></h2>
          <p>{t('home.forBusinessesText')}</p>
        </section>
      </div>
      <div class="columns">
        <section aria-labelledby="life-events">
          <h2 id="life-events">{t('home.lifeEvents')}</h2>
          <EventLinks ctx={ctx} events={life} />
        </section>
        <section aria-labelledby="business-events">
          <h2 id="business-events">{t('home.businessEvents')}</h2>
          <EventLinks ctx={ctx} events={business} />
        </section>
      </div>
      <section aria-labelledby="popular">
        <h2 id="popular">{t('home.popular')}</h2>
        <ServiceList ctx={ctx} services={view.popular} />
      </section>
      <p class="more-links">
        <a href={paths.agencies(lang)}>{t('home.allAgencies')}</a>
        <a href={paths.centres(lang)}>{t('home.allCentres')}</a>
      </p>
    </Layout>
  );
}

function EventLinks({ ctx, events }: { ctx: PageContext; events: readonly CatalogueEvent[] }) {
  return (
    <ul class="link-list">
      {events.map((e) => (
        <li key={e.id}>
          <a href={paths.event(ctx.lang, e.id)}>{e.name[ctx.lang]}</a>
        </li>
      ))}
    </ul>
  );
}
