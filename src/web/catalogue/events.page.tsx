import type { CatalogueEvent, Service } from '../../modules/catalogue/index.ts';
import { paths } from '../common/paths.ts';
import { ServiceList } from '../common/components.tsx';
import { ButtonLink } from '../common/govuk.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';

export function EventsPage({ ctx, events }: { ctx: PageContext; events: readonly CatalogueEvent[] }) {
  const { t, lang } = ctx;
  const group = (kind: 'life' | 'business', title: string) => (
    <section aria-labelledby={`${kind}-events`}>
      <h2 class="govuk-heading-m" id={`${kind}-events`}>{title}</h2>
      <ul class="govuk-list govuk-list--spaced">
        {events.filter((e) => e.kind === kind).map((e) => (
          <li key={e.id}>
            <a class="govuk-link" href={paths.event(lang, e.id)}>{e.name[lang]}</a>
            <p class="govuk-body">{e.description[lang]}</p>
          </li>
        ))}
      </ul>
    </section>
  );
  return (
    <Layout ctx={ctx} title={t('events.title')} crumbs={[]}>
      <h1 class="govuk-heading-l">{t('events.title')}</h1>
      <p class="govuk-body-l">{t('events.lead')}</p>
      {group('life', t('home.lifeEvents'))}
      {group('business', t('home.businessEvents'))}
    </Layout>
  );
}

export function EventPage({ ctx, event, services }: { ctx: PageContext; event: CatalogueEvent; services: readonly Service[] }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={event.name[lang]} crumbs={[{ href: paths.events(lang), label: t('events.title') }]}>
      <h1 class="govuk-heading-l">{event.name[lang]}</h1>
      <p class="govuk-body-l">{event.description[lang]}</p>
      {event.bundle === undefined ? null : (
        <>
          <p class="govuk-body">{t('bundles.applyLead')}</p>
          <ButtonLink href={paths.bundleApply(lang, event.id)} start>{t('bundles.applyLink')}</ButtonLink>
        </>
      )}
      <section aria-labelledby="event-services">
        <h2 class="govuk-heading-m" id="event-services">{t('event.services')} ({services.length})</h2>
        <ServiceList ctx={ctx} services={services} />
      </section>
    </Layout>
  );
}
