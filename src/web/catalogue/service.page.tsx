import type { CatalogueEvent, Centre, ChannelRecord, Organisation, Service } from '../../modules/catalogue/index.ts';
import { APPLY_SLOT } from '../apply/eligibility.tsx';
import { paths } from '../common/paths.ts';
import { AddressLines, compactHours, formatMoney, formatTerm } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';

export interface ServiceView {
  readonly service: Service;
  readonly organisation: Organisation | null;
  readonly events: readonly CatalogueEvent[];
  readonly centres: readonly Centre[];
}

export function ServicePage({ ctx, view }: { ctx: PageContext; view: ServiceView }) {
  const { t, lang } = ctx;
  const s = view.service;
  const crumbs = [{ href: paths.search(lang), label: t('nav.services') }];
  const onlineUrl = s.channels.find((c) => c.type === 'online' && c.url)?.url;
  return (
    <Layout ctx={ctx} title={s.name[lang]} crumbs={crumbs}>
      <article class="service">
        <h1>{s.name[lang]}</h1>
        <p class="lead">{s.description[lang]}</p>
        <dl class="summary">
          <div><dt>{t('service.provider')}</dt><dd>{view.organisation ? <a href={paths.agency(lang, view.organisation.id)}>{view.organisation.name[lang]}</a> : s.organisationId}</dd></div>
          <div><dt>{t('service.fees')}</dt><dd>{s.costs.length === 0 ? t('service.free') : s.costs.map((c) => formatMoney(t, c.amount)).join(' / ')}</dd></div>
          <div><dt>{t('service.deadline')}</dt><dd>{formatTerm(t, s.deadline)}</dd></div>
        </dl>
        {s.form !== undefined ? <div dangerouslySetInnerHTML={{ __html: APPLY_SLOT }} /> : onlineUrl ? <p><a class="button" href={onlineUrl}>{t('service.applyOnline')}</a></p> : null}
        <Section id="what-you-get" title={t('service.whatYouGet')}>
          <ul>{s.outputs.map((o) => <li key={o.id}><strong>{o.name[lang]}</strong>{o.description ? ` — ${o.description[lang]}` : ''}</li>)}</ul>
        </Section>
        <Section id="who-can-apply" title={t('service.whoCanApply')}>
          <ul>{s.requirements.map((r) => <li key={r.id}>{r.name[lang]}{r.description ? ` — ${r.description[lang]}` : ''}</li>)}</ul>
        </Section>
        <Section id="documents" title={t('service.documents')}>
          <ul>{s.evidence.map((e) => <li key={e.id}>{e.name[lang]}{e.optional ? ` ${t('service.optional')}` : ''}{e.description ? ` — ${e.description[lang]}` : ''}</li>)}</ul>
        </Section>
        <Section id="fees" title={t('service.fees')}>
          {s.costs.length === 0 ? <p>{t('service.free')}</p> : (
            <ul>{s.costs.map((c) => <li key={c.id}><strong>{formatMoney(t, c.amount)}</strong> {c.channel ? t('service.feeChannel', { channel: t(`channel.${c.channel}`).toLowerCase() }) : t('service.feeAnyChannel')} — {c.description[lang]}</li>)}</ul>
          )}
          {s.feeExemptions ? <><h3>{t('service.exemptions')}</h3><p>{s.feeExemptions[lang]}</p></> : null}
        </Section>
        <Section id="deadline" title={t('service.deadline')}>
          <p><strong>{formatTerm(t, s.deadline)}</strong>. {t('service.deadlineNote')}</p>
          {s.silentConsent ? <p class="notice">{t('service.silentConsent')}</p> : null}
        </Section>
        <Section id="how-to-apply" title={t('service.howToApply')}>
          {s.channels.map((c, i) => <ChannelBlock key={`${c.type}-${i}`} ctx={ctx} channel={c} centres={view.centres} />)}
        </Section>
        <Section id="result-delivery" title={t('service.resultDelivery')}>
          <ul>{s.resultDelivery.map((d) => <li key={d}>{t(`delivery.${d}`)}</li>)}</ul>
        </Section>
        {s.refusalGrounds.length > 0 ? (
          <Section id="refusal" title={t('service.refusal')}>
            <ul>{s.refusalGrounds.map((r) => <li key={r.id}>{r.text[lang]}</li>)}</ul>
          </Section>
        ) : null}
        <Section id="legal-basis" title={t('service.legalBasis')}>
          <ul>{s.legalResources.map((l) => <li key={l.id}>{l.url ? <a href={l.url}>{l.title[lang]}</a> : l.title[lang]} ({l.citation})</li>)}</ul>
        </Section>
        {view.events.length > 0 ? (
          <Section id="events" title={t('service.events')}>
            <ul>{view.events.map((e) => <li key={e.id}><a href={paths.event(lang, e.id)}>{e.name[lang]}</a></li>)}</ul>
          </Section>
        ) : null}
        <p class="record-meta">
          {t('service.identifier', { code: s.identifier })}
          {s.euBasicService ? <><br />{t('service.euCode', { code: s.euBasicService })}</> : null}
          <br />{t('service.version', { version: s.version })}
        </p>
      </article>
    </Layout>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: preact.ComponentChildren }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function ChannelBlock({ ctx, channel, centres }: { ctx: PageContext; channel: ChannelRecord; centres: readonly Centre[] }) {
  const { t, lang } = ctx;
  const offering = centres.filter((c) => channel.centreIds?.includes(c.id));
  return (
    <div class="channel">
      <h3>{t(`channel.${channel.type}`)}</h3>
      {channel.description ? <p>{channel.description[lang]}</p> : null}
      {channel.processingTime ? <p>{t('service.processingTime', { term: formatTerm(t, channel.processingTime) })}</p> : null}
      {channel.url ? <p><a href={channel.url}>{t('service.applyOnline')}</a></p> : null}
      {channel.phone ? <p>{t('service.callUs', { phone: channel.phone })}</p> : null}
      {channel.smsNumber ? <p>{t('service.sendSms', { number: channel.smsNumber })}</p> : null}
      {channel.postalAddress ? <><p>{t('service.writeTo')}:</p><AddressLines ctx={ctx} address={channel.postalAddress} /></> : null}
      {offering.length > 0 ? (
        <>
          <p>{t('service.centresOffering')}:</p>
          <ul>{offering.map((c) => <li key={c.id}><a href={paths.centre(lang, c.id)}>{c.name[lang]}</a>, {c.address.street[lang]}, {c.address.city[lang]}. {compactHours(t, c.openingHours)}</li>)}</ul>
        </>
      ) : null}
    </div>
  );
}
