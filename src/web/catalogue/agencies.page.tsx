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
      <a href={paths.agency(lang, o.id)}>{o.name[lang]}</a> <span class="count">({t.plural('agency.servicesCount', counts.get(o.id) ?? 0)})</span>
      {children(o.id).length > 0 ? <ul>{children(o.id).map((c) => <Item key={c.id} o={c} />)}</ul> : null}
    </li>
  );
  return (
    <Layout ctx={ctx} title={t('agencies.title')} crumbs={[]}>
      <h1>{t('agencies.title')}</h1>
      <p class="lead">{t('agencies.lead')}</p>
      <ul class="tree">{top.map((o) => <Item key={o.id} o={o} />)}</ul>
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
      <h1>{o.name[lang]}</h1>
      <p class="lead">{o.description[lang]}</p>
      {view.parent ? <p>{t('agency.parent')}: <a href={paths.agency(lang, view.parent.id)}>{view.parent.name[lang]}</a></p> : null}
      <section aria-labelledby="contacts">
        <h2 id="contacts">{t('agency.contacts')}</h2>
        <AddressLines ctx={ctx} address={o.address} />
        <ul class="plain">
          {o.phone ? <li>{t('service.callUs', { phone: o.phone })}</li> : null}
          {o.email ? <li><a href={`mailto:${o.email}`}>{o.email}</a></li> : null}
          {o.website ? <li>{t('agency.website')}: <a href={o.website}>{o.website}</a></li> : null}
        </ul>
        {o.openingHours ? <HoursTable ctx={ctx} hours={o.openingHours} caption={t('centre.hours')} /> : null}
      </section>
      {view.children.length > 0 ? (
        <section aria-labelledby="children">
          <h2 id="children">{t('agency.children')}</h2>
          <ul>{view.children.map((c) => <li key={c.id}><a href={paths.agency(lang, c.id)}>{c.name[lang]}</a></li>)}</ul>
        </section>
      ) : null}
      {view.centres.length > 0 ? (
        <section aria-labelledby="centres">
          <h2 id="centres">{t('agency.centres')}</h2>
          <ul>{view.centres.map((c) => <li key={c.id}><a href={paths.centre(lang, c.id)}>{c.name[lang]}</a>, {c.address.city[lang]}</li>)}</ul>
        </section>
      ) : null}
      <section aria-labelledby="services">
        <h2 id="services">{t('agency.services')} ({view.services.length})</h2>
        <ServiceList ctx={ctx} services={view.services} />
      </section>
    </Layout>
  );
}
