import type { CatalogueEvent, Centre, ChannelRecord, Organisation, Service } from '../../modules/catalogue/index.ts';
import type { ServiceMaturity } from '../../modules/maturity/index.ts';
import { COUNTS_SLOT } from '../feedback/counts.tsx';
import { APPLY_SLOT } from '../apply/eligibility.tsx';
import { paths, PATHS } from '../common/paths.ts';
import { AddressLines, ButtonLink, compactHours } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { type KeyFact, keyFacts, moneyText as formatMoney, termText as formatTerm } from './service.view.ts';

export interface ServiceView {
  readonly service: Service;
  readonly organisation: Organisation | null;
  readonly events: readonly CatalogueEvent[];
  readonly centres: readonly Centre[];
  /** The service's measured level and stage (null when the report does not hold it yet). */
  readonly maturity: ServiceMaturity | null;
  /** Shown above the title: the editor's preview says it is one (web/office/catalogue-editor). */
  readonly notice?: preact.ComponentChildren;
}

export function ServicePage({ ctx, view }: { ctx: PageContext; view: ServiceView }) {
  const { t, lang } = ctx;
  const s = view.service;
  const crumbs = [{ href: paths.search(lang), label: t('nav.services') }];
  const onlineUrl = s.channels.find((c) => c.type === 'online' && c.url)?.url;
  return (
    <Layout ctx={ctx} title={s.name[lang]} crumbs={crumbs}>
      <article class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
        {view.notice}
        <h1 class="govuk-heading-l">{s.name[lang]}</h1>
        <p class="govuk-body-l">{s.description[lang]}</p>
        <h2 class="govuk-visually-hidden" id="key-facts">{t('service.keyFacts')}</h2>
        <KeyFacts facts={keyFacts(t, s, view.organisation)} />
        {view.maturity === null ? null : (
          <p class="govuk-body" id="service-maturity">
            {t('maturity.serviceLevel', { level: t(`maturity.level.${view.maturity.level}`) })} (<a class="govuk-link" href={paths.maturity(lang)}>{t('maturity.serviceLevelLink')}</a>)
          </p>
        )}
        {s.form !== undefined ? <div dangerouslySetInnerHTML={{ __html: APPLY_SLOT }} /> : onlineUrl ? <ButtonLink href={onlineUrl} start>{t('service.applyOnline')}</ButtonLink> : null}
        <Section id="what-you-get" title={t('service.whatYouGet')}>
          <ul class="govuk-list govuk-list--bullet">{s.outputs.map((o) => <li key={o.id}><strong>{o.name[lang]}</strong>{o.description ? ` — ${o.description[lang]}` : ''}</li>)}</ul>
        </Section>
        <Section id="who-can-apply" title={t('service.whoCanApply')}>
          <ul class="govuk-list govuk-list--bullet">{s.requirements.map((r) => <li key={r.id}>{r.name[lang]}{r.description ? ` — ${r.description[lang]}` : ''}</li>)}</ul>
        </Section>
        <Section id="documents" title={t('service.documents')}>
          <ul class="govuk-list govuk-list--bullet">{s.evidence.map((e) => <li key={e.id}>{e.name[lang]}{e.optional ? <> <strong class="govuk-tag govuk-tag--grey">{t('service.optionalTag')}</strong></> : null}{e.description ? ` — ${e.description[lang]}` : ''}</li>)}</ul>
        </Section>
        <Section id="fees" title={t('service.fees')}>
          {s.costs.length === 0 ? <p class="govuk-body">{t('service.free')}</p> : (
            <ul class="govuk-list govuk-list--bullet">{s.costs.map((c) => <li key={c.id}><strong>{formatMoney(t, c.amount)}</strong> {c.channel ? t('service.feeChannel', { channel: t(`channel.${c.channel}`).toLowerCase() }) : t('service.feeAnyChannel')} — {c.description[lang]}</li>)}</ul>
          )}
          {s.feeExemptions ? <><h3 class="govuk-heading-s">{t('service.exemptions')}</h3><p class="govuk-body">{s.feeExemptions[lang]}</p></> : null}
        </Section>
        <Section id="deadline" title={t('service.deadline')}>
          <p class="govuk-body"><strong>{formatTerm(t, s.deadline)}</strong>. {t('service.deadlineNote')}</p>
          {s.silentConsent ? <div class="govuk-inset-text">{t('service.silentConsent')}</div> : null}
        </Section>
        <Section id="how-to-apply" title={t('service.howToApply')}>
          {s.channels.map((c, i) => <ChannelBlock key={`${c.type}-${i}`} ctx={ctx} channel={c} centres={view.centres} />)}
          {view.maturity?.checks.some((c) => c.capability === 'printable-form' && c.met) === true ? (
            <p class="govuk-body" id="form-pdf">
              <a class="govuk-link" href={PATHS.serviceFormPdf.url(lang, { id: s.id })} type="application/pdf">{t('formPdf.link')}</a><br />
              <span class="govuk-body-s app-secondary-text">{t('formPdf.linkHint')}</span>
            </p>
          ) : null}
        </Section>
        <Section id="result-delivery" title={t('service.resultDelivery')}>
          <ul class="govuk-list govuk-list--bullet">{s.resultDelivery.map((d) => <li key={d}>{t(`delivery.${d}`)}</li>)}</ul>
        </Section>
        {s.refusalGrounds.length > 0 ? (
          <Section id="refusal" title={t('service.refusal')}>
            <ul class="govuk-list govuk-list--bullet">{s.refusalGrounds.map((r) => <li key={r.id}>{r.text[lang]}</li>)}</ul>
          </Section>
        ) : null}
        <Section id="legal-basis" title={t('service.legalBasis')}>
          <ul class="govuk-list govuk-list--bullet">{s.legalResources.map((l) => <li key={l.id}>{l.url ? <a class="govuk-link" href={l.url}>{l.title[lang]}</a> : l.title[lang]} ({l.citation})</li>)}</ul>
        </Section>
        {view.events.length > 0 ? (
          <Section id="events" title={t('service.events')}>
            <ul class="govuk-list govuk-list--bullet">{view.events.map((e) => <li key={e.id}><a class="govuk-link" href={paths.event(lang, e.id)}>{e.name[lang]}</a></li>)}</ul>
          </Section>
        ) : null}
        <div dangerouslySetInnerHTML={{ __html: COUNTS_SLOT }} />
        <p class="govuk-body"><a class="govuk-link" href={paths.performanceService(lang, s.id)}>{t('performance.link')}</a></p>
        <p class="govuk-body-s app-record-meta">
          {t('service.identifier', { code: s.identifier })}
          {s.euBasicService ? <><br />{t('service.euCode', { code: s.euBasicService })}</> : null}
          <br />{t('service.version', { version: s.version })}
        </p>
        </div>
      </article>
    </Layout>
  );
}

function KeyFacts({ facts }: { facts: readonly KeyFact[] }) {
  return (
    <dl class="govuk-summary-list" aria-labelledby="key-facts">
      {facts.map((f) => (
        <div key={f.key} class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{f.key}</dt>
          <dd class="govuk-summary-list__value">
            {f.values.length === 1 ? (f.href ? <a class="govuk-link" href={f.href}>{f.values[0]}</a> : f.values[0]) : (
              <ul class="govuk-list">{f.values.map((v) => <li key={v}>{v}</li>)}</ul>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: preact.ComponentChildren }) {
  return (
    <section aria-labelledby={id} class="govuk-!-margin-bottom-6">
      <h2 id={id} class="govuk-heading-m">{title}</h2>
      {children}
    </section>
  );
}

function ChannelBlock({ ctx, channel, centres }: { ctx: PageContext; channel: ChannelRecord; centres: readonly Centre[] }) {
  const { t, lang } = ctx;
  const offering = centres.filter((c) => channel.centreIds?.includes(c.id));
  return (
    <div class="app-channel">
      <h3 class="govuk-heading-s">{t(`channel.${channel.type}`)}</h3>
      {channel.description ? <p class="govuk-body">{channel.description[lang]}</p> : null}
      {channel.processingTime ? <p class="govuk-body">{t('service.processingTime', { term: formatTerm(t, channel.processingTime) })}</p> : null}
      {channel.url ? <p class="govuk-body"><a class="govuk-link" href={channel.url}>{t('service.applyOnline')}</a></p> : null}
      {channel.phone ? <p class="govuk-body">{t('service.callUs', { phone: channel.phone })}</p> : null}
      {channel.smsNumber ? <p class="govuk-body">{t('service.sendSms', { number: channel.smsNumber })}</p> : null}
      {channel.postalAddress ? <><p class="govuk-body">{t('service.writeTo')}:</p><AddressLines ctx={ctx} address={channel.postalAddress} /></> : null}
      {offering.length > 0 ? (
        <>
          <p class="govuk-body">{t('service.centresOffering')}:</p>
          <ul class="govuk-list govuk-list--bullet">{offering.map((c) => <li key={c.id}><a class="govuk-link" href={paths.centre(lang, c.id)}>{c.name[lang]}</a>, {c.address.street[lang]}, {c.address.city[lang]}. {compactHours(t, c.openingHours)}</li>)}</ul>
        </>
      ) : null}
    </div>
  );
}
