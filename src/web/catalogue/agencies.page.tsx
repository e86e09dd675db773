import type { Centre, Organisation, Service } from '../../modules/catalogue/index.ts';
import { paths } from '../common/paths.ts';
import { AddressLines, HoursTable, ServiceList } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';

export function AgenciesPage({ ctx, organisations, counts }: { ctx: PageContext; organisations: readonly Organisation[]; counts: ReadonlyMap<string, number> }) {
  const { t, lang } = ctx;
  const top = organisations.filter((o) => !o.parentId || !organisations.some((p) => p.id === o.parentId));
  const children = (id: string) => organisations.filter((o) => o.parentId === id);
  const Item = ({ o }: { o: Organisation }) => (
    <li>
      <a class="govuk-link" href={paths.agency(lang, o.id)}>{o.name[lang]}</a> <span class="app-secondary-text">({t.plural('agency.servicesCount', counts.get(o.id) ?? 0)})</span>
      {children(o.id).length > 0 ? <ul class="govuk-list govuk-list--bullet">{children(o.id).map((c) => <Item key={c.id} o={c} />)}</ul> : null}
    </li>
  );
  return (
    <Layout ctx={ctx} title={t('agencies.title')} crumbs={[]}>
      <h1 class="govuk-heading-l">{t('agencies.title')}</h1>
      <p class="govuk-body-l">{t('agencies.lead')}</p>
      <ul class="govuk-list govuk-list--spaced">{top.map((o) => <Item key={o.id} o={o} />)}</ul>
    </Layout>
  );
}

export interface AgencyView {
  readonly organisation: Organisation;
  readonly parent: Organisation | null;
  readonly children: readonly Organisation[];
  readonly services: readonly Service[];
  readonly centres: readonly Centre[];
}

export function AgencyPage({ ctx, view }: { ctx: PageContext; view: AgencyView }) {
  const { t, lang } = ctx;
  const o = view.organisation;
  return (
    <Layout ctx={ctx} title={o.name[lang]} crumbs={[{ href: paths.agencies(lang), label: t('agencies.title') }]}>
      <h1 class="govuk-heading-l">{o.name[lang]}</h1>
      <p class="govuk-body-l">{o.description[lang]}</p>
      {view.parent ? <p class="govuk-body">{t('agency.parent')}: <a class="govuk-link" href={paths.agency(lang, view.parent.id)}>{view.parent.name[lang]}</a></p> : null}
      <section aria-labelledby="contacts">
        <h2 class="govuk-heading-m" id="contacts">{t('agency.contacts')}</h2>
        <AddressLines ctx={ctx} address={o.address} />
        <ul class="govuk-list">
          {o.phone ? <li>{t('service.callUs', { phone: o.phone })}</li> : null}
          {o.email ? <li><a class="govuk-link app-break-anywhere" href={`mailto:${o.email}`}>{o.email}</a></li> : null}
          {o.website ? <li>{t('agency.website')}: <a class="govuk-link app-break-anywhere" href={o.website}>{o.website}</a></li> : null}
        </ul>
        {o.openingHours ? <HoursTable ctx={ctx} hours={o.openingHours} caption={t('centre.hours')} /> : null}
      </section>
      {view.children.length > 0 ? (
        <section aria-labelledby="children">
          <h2 class="govuk-heading-m" id="children">{t('agency.children')}</h2>
          <ul class="govuk-list govuk-list--bullet">{view.children.map((c) => <li key={c.id}><a class="govuk-link" href={paths.agency(lang, c.id)}>{c.name[lang]}</a></li>)}</ul>
        </section>
      ) : null}
      {view.centres.length > 0 ? (
        <section aria-labelledby="centres">
          <h2 class="govuk-heading-m" id="centres">{t('agency.centres')}</h2>
          <ul class="govuk-list govuk-list--bullet">{view.centres.map((c) => <li key={c.id}><a class="govuk-link" href={paths.centre(lang, c.id)}>{c.name[lang]}</a>, {c.address.city[lang]}</li>)}</ul>
        </section>
      ) : null}
      <section aria-labelledby="services">
        <h2 class="govuk-heading-m" id="services">{t('agency.services')} ({view.services.length})</h2>
        <ServiceList ctx={ctx} services={view.services} />
      </section>
    </Layout>
  );
}
