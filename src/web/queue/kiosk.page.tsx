import type { Centre, Service } from '../../modules/catalogue/index.ts';
import type { IssuedTicket } from '../../modules/queue/index.ts';
import { Button, ErrorSummary, Panel, SummaryList } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { PATHS, paths } from '../common/paths.ts';
import { clockTime } from './queue-format.ts';

export interface KioskView {
  readonly centre: Centre;
  readonly services: readonly Service[];
  readonly waiting: number;
  readonly estimatedMinutes: number;
  /** The service sent that is not one of the centre's (a 400). */
  readonly problem: boolean;
}

/** The centre's kiosk: one large button per service; each takes a ticket. Works without a session (the form carries none). */
export function KioskPage({ ctx, view }: { ctx: PageContext; view: KioskView }) {
  const { t, lang } = ctx;
  const { centre } = view;
  return (
    <Layout ctx={ctx} title={`${t('queue.kiosk.title')}: ${centre.name[lang]}`} searchBox={false}
      crumbs={[{ href: paths.centres(lang), label: t('centres.title') }, { href: paths.centre(lang, centre.id), label: centre.name[lang] }]}>
      <ErrorSummary ctx={ctx} errors={view.problem ? [{ field: 'service', message: t('queue.kiosk.badService'), href: '#services' }] : []} />
      <span class="govuk-caption-l app-break-anywhere">{centre.name[lang]}</span>
      <h1 class="govuk-heading-xl">{t('queue.kiosk.title')}</h1>
      <p class="govuk-body-l">{t('queue.kiosk.lead')}</p>
      <p class="govuk-body">{t('queue.kiosk.now', { count: view.waiting, minutes: view.estimatedMinutes })}</p>
      <h2 class="govuk-heading-m" id="services">{t('queue.kiosk.services')}</h2>
      {view.services.length === 0 ? <p class="govuk-body">{t('queue.kiosk.none')}</p> : (
        <ul class="govuk-list">
          {view.services.map((s) => (
            <li key={s.id}>
              <form method="post" action={PATHS.kioskIssue.url(lang, { id: centre.id })}>
                <input type="hidden" name="service" value={s.id} />
                <Button class="govuk-button--start govuk-!-width-full govuk-!-font-size-24 app-break-anywhere">{t('queue.kiosk.take', { service: s.name[lang] })}</Button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <p class="govuk-body"><a class="govuk-link" href={PATHS.queueDisplay.url(lang, { id: centre.id })}>{t('queue.kiosk.display')}</a></p>
    </Layout>
  );
}

/** The ticket just taken (or looked up again): its number large, the people ahead and the estimated wait. */
export function TicketPage({ ctx, centre, serviceName, issued }: { ctx: PageContext; centre: Centre; serviceName: string; issued: IssuedTicket }) {
  const { t, lang } = ctx;
  const { ticket } = issued;
  return (
    <Layout ctx={ctx} title={`${t('queue.ticket.title')} ${ticket.label}`} searchBox={false}>
      <span class="govuk-caption-l app-break-anywhere">{centre.name[lang]}</span>
      <Panel title={t('queue.ticket.title')}>
        <span class="govuk-visually-hidden">{t('queue.ticket.number')}: </span><strong class="govuk-!-font-size-80">{ticket.label}</strong>
      </Panel>
      {ticket.status === 'called' ? <p class="govuk-body-l">{t('queue.ticket.called', { desk: ticket.desk ?? '' })}</p> : null}
      {ticket.status === 'served' || ticket.status === 'no-show' ? <p class="govuk-body-l">{t('queue.ticket.done')}</p> : null}
      <SummaryList t={t} rows={[
        { key: t('queue.ticket.service'), value: serviceName },
        ...(ticket.status === 'waiting' ? [
          { key: t('queue.ticket.ahead'), value: t('queue.ticket.aheadCount', { count: issued.ahead }) },
          { key: t('queue.ticket.wait'), value: t('queue.ticket.minutes', { minutes: issued.estimatedMinutes }) },
        ] : []),
        { key: t('queue.ticket.issued'), value: <time dateTime={ticket.issuedAt.toISOString()}>{clockTime(lang, ticket.issuedAt)}</time> },
      ]} />
      <p class="govuk-body">{t('queue.ticket.watch')}</p>
      <p class="govuk-body"><a class="govuk-link" href={PATHS.kiosk.url(lang, { id: centre.id })}>{t('queue.ticket.back')}</a></p>
    </Layout>
  );
}
