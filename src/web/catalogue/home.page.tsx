import type { CatalogueEvent, Service } from '../../modules/catalogue/index.ts';
import { paths } from '../common/paths.ts';
import { Layout, type PageContext } from '../common/layout.tsx';
import { termText } from './service.view.ts';

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
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-xl">{t('home.title')}</h1>
          <p class="govuk-body-l">{t('home.lead')}</p>
          <HomeSearch ctx={ctx} />
        </div>
      </div>
      <div class="govuk-grid-row">
        <section class="govuk-grid-column-one-half" aria-labelledby="for-individuals">
          <h2 class="govuk-heading-m" id="for-individuals"><a class="govuk-link" href={paths.search(lang, { audience: 'individual' })}>{t('home.forIndividuals')}</a></h2>
          <p class="govuk-body">{t('home.forIndividualsText')}</p>
        </section>
        <section class="govuk-grid-column-one-half" aria-labelledby="for-businesses">
          <h2 class="govuk-heading-m" id="for-businesses"><a class="govuk-link" href={paths.search(lang, { audience: 'business' })}>{t('home.forBusinesses')}</a></h2>
          <p class="govuk-body">{t('home.forBusinessesText')}</p>
        </section>
      </div>
      <hr class="govuk-section-break govuk-section-break--l govuk-section-break--visible" />
      <section aria-labelledby="popular">
        <h2 class="govuk-heading-l" id="popular">{t('home.popular')}</h2>
        <ul class="govuk-list govuk-list--spaced" id="popular-services">
          {view.popular.map((s) => (
            <li key={s.id}>
              <h3 class="govuk-heading-s govuk-!-margin-bottom-1"><a class="govuk-link" href={paths.service(lang, s.id)}>{s.name[lang]}</a></h3>
              <p class="govuk-body-s govuk-!-margin-bottom-0">{termText(t, s.deadline)}</p>
            </li>
          ))}
        </ul>
      </section>
      <hr class="govuk-section-break govuk-section-break--l govuk-section-break--visible" />
      <div class="govuk-grid-row">
        <section class="govuk-grid-column-one-half" aria-labelledby="life-events">
          <h2 class="govuk-heading-m" id="life-events">{t('home.lifeEvents')}</h2>
          <EventLinks ctx={ctx} events={life} />
        </section>
        <section class="govuk-grid-column-one-half" aria-labelledby="business-events">
          <h2 class="govuk-heading-m" id="business-events">{t('home.businessEvents')}</h2>
          <EventLinks ctx={ctx} events={business} />
        </section>
      </div>
      <ul class="govuk-list">
        <li><a class="govuk-link" href={paths.events(lang)}>{t('home.allEvents')}</a></li>
        <li><a class="govuk-link" href={paths.agencies(lang)}>{t('home.allAgencies')}</a></li>
        <li><a class="govuk-link" href={paths.centres(lang)}>{t('home.allCentres')}</a></li>
      </ul>
    </Layout>
  );
}

function HomeSearch({ ctx }: { ctx: PageContext }) {
  const { t, lang } = ctx;
  return (
    <form action={paths.search(lang)} method="get" role="search">
      <div class="govuk-form-group">
        <label for="home-search" class="govuk-label govuk-label--m">{t('search.label')}</label>
        <div class="govuk-hint" id="home-search-hint">{t('search.placeholderHint')}</div>
        <input id="home-search" name="q" type="search" class="govuk-input" maxLength={200} autoComplete="off" spellcheck={false} aria-describedby="home-search-hint" />
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">{t('search.button')}</button>
    </form>
  );
}

function EventLinks({ ctx, events }: { ctx: PageContext; events: readonly CatalogueEvent[] }) {
  return (
    <ul class="govuk-list govuk-list--spaced">
      {events.map((e) => (
        <li key={e.id}>
          <a class="govuk-link" href={paths.event(ctx.lang, e.id)}>{e.name[ctx.lang]}</a>
        </li>
      ))}
    </ul>
  );
}
