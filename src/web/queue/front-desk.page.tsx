import type { DeskConsole, Ticket } from '../../modules/queue/index.ts';
import { Button, ErrorSummary, NotificationBanner, SummaryList, TableScroll, Tag } from '../common/components.tsx';
import { Select, TextInput } from '../common/inputs.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { PATHS, paths } from '../common/paths.ts';
import { clockTime, minutesOf } from './queue-format.ts';

/** What the last action did, shown once in a banner (from the redirect's query). */
export type DeskNote = { readonly kind: 'called' | 'served' | 'no-show' | 'transferred'; readonly label: string } | { readonly kind: 'nobody' | 'gone' };

export interface DeskView {
  readonly console: DeskConsole;
  readonly csrf: string;
  /** The desk as typed, kept in the field (and its problem, on a 400). */
  readonly deskInput: string;
  readonly deskError: boolean;
  readonly note: DeskNote | null;
}

const NOTE_KEYS = { called: 'queue.desk.called', served: 'queue.desk.served', 'no-show': 'queue.desk.noShow', transferred: 'queue.desk.transferred', nobody: 'queue.desk.nobody', gone: 'queue.desk.gone' } as const;

/** The front desk: call the next ticket to one's desk, then mark it served or a no-show, or transfer it; what waits; today's figures. */
export function FrontDeskPage({ ctx, view }: { ctx: PageContext; view: DeskView }) {
  const { t, lang } = ctx;
  const { console: c } = view;
  const serviceName = (id: string) => c.services.find((s) => s.id === id)?.name[lang] ?? id;
  const desk = c.desk ?? '';
  const kindOf = (w: Ticket) => (w.kind === 'walk-in' ? t('queue.desk.walkIn') : t('queue.desk.appointment', { time: w.appointmentAt === null ? '' : clockTime(lang, w.appointmentAt) }));
  const th = (text: string) => <th scope="col" class="govuk-table__header">{text}</th>;
  return (
    <Layout ctx={ctx} title={t('queue.desk.title')} searchBox={false} wide crumbs={[{ href: paths.staffHome(lang), label: t('staff.title') }]}>
      <ErrorSummary ctx={ctx} errors={view.deskError ? [{ field: 'desk', message: t('queue.desk.deskError') }] : []} />
      {view.note === null ? null : (
        <NotificationBanner t={t} kind={view.note.kind === 'nobody' || view.note.kind === 'gone' ? 'important' : 'success'}
          heading={'label' in view.note ? t(NOTE_KEYS[view.note.kind], { label: view.note.label, desk }) : t(NOTE_KEYS[view.note.kind])} />
      )}
      <span class="govuk-caption-l app-break-anywhere">{c.centre.name[lang]}</span>
      <h1 class="govuk-heading-l">{t('queue.desk.title')}</h1>
      <form method="post" action={PATHS.frontDeskCall.url(lang)} class="govuk-!-margin-bottom-6">
        <input type="hidden" name="_csrf" value={view.csrf} />
        <TextInput t={t} name="desk" label={t('queue.desk.desk')} hint={t('queue.desk.deskHint')} value={view.deskInput} width={10} maxLength={12}
          error={view.deskError ? t('queue.desk.deskError') : undefined} />
        <Button>{t('queue.desk.callNext')}</Button>
      </form>
      {c.current === null ? null : (
        <section aria-labelledby="current-heading" class="govuk-!-margin-bottom-6">
          <h2 class="govuk-heading-m" id="current-heading">{t('queue.desk.current')}: {c.current.label}</h2>
          <SummaryList t={t} rows={[
            { key: t('queue.desk.service'), value: serviceName(c.current.serviceId) },
            { key: t('queue.desk.kind'), value: kindOf(c.current) },
          ]} />
          <div class="govuk-button-group">
            <form method="post" action={PATHS.frontDeskFinish.url(lang, { id: c.current.id })}>
              <input type="hidden" name="_csrf" value={view.csrf} />
              <input type="hidden" name="desk" value={desk} />
              <Button name="outcome" value="served">{t('queue.desk.markServed')}</Button>
            </form>
            <form method="post" action={PATHS.frontDeskFinish.url(lang, { id: c.current.id })}>
              <input type="hidden" name="_csrf" value={view.csrf} />
              <input type="hidden" name="desk" value={desk} />
              <Button kind="warning" name="outcome" value="no-show">{t('queue.desk.markNoShow')}</Button>
            </form>
          </div>
          <form method="post" action={PATHS.frontDeskTransfer.url(lang, { id: c.current.id })}>
            <input type="hidden" name="_csrf" value={view.csrf} />
            <input type="hidden" name="desk" value={desk} />
            <Select t={t} name="service" label={t('queue.desk.transferService')} size="s" value={c.current.serviceId} options={c.services.map((s) => ({ value: s.id, label: s.name[lang] }))} fullWidth />
            <TextInput t={t} name="toDesk" label={t('queue.desk.transferDesk')} size="s" hint={t('queue.desk.transferDeskHint')} width={10} maxLength={12} />
            <Button kind="secondary">{t('queue.desk.transfer')}</Button>
          </form>
        </section>
      )}
      <h2 class="govuk-heading-m">{t('queue.desk.waiting')}</h2>
      {c.waiting.length === 0 ? <p class="govuk-body">{t('queue.desk.waitingNone')}</p> : (
        <TableScroll label={t('queue.desk.waiting')}>
          <table class="govuk-table">
            <thead class="govuk-table__head"><tr class="govuk-table__row">{th(t('queue.desk.ticket'))}{th(t('queue.desk.kind'))}{th(t('queue.desk.service'))}{th(t('queue.desk.since'))}</tr></thead>
            <tbody class="govuk-table__body">
              {c.waiting.map((w) => (
                <tr class="govuk-table__row" key={w.id}>
                  <th scope="row" class="govuk-table__header app-nowrap">{w.label}</th>
                  <td class="govuk-table__cell">{w.kind === 'appointment' ? <Tag colour="purple">{kindOf(w)}</Tag> : kindOf(w)}{w.forDesk === null ? '' : ` → ${w.forDesk}`}</td>
                  <td class="govuk-table__cell app-break-anywhere">{serviceName(w.serviceId)}</td>
                  <td class="govuk-table__cell">{clockTime(lang, w.waitingSince)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <TodayFigures ctx={ctx} today={c.today} />
      <p class="govuk-body"><a class="govuk-link" href={PATHS.kiosk.url(lang, { id: c.centre.id })}>{t('queue.desk.openKiosk')}</a></p>
      <ul class="govuk-list" id="visitor-actions">
        <li><a class="govuk-link" href={PATHS.deskAppeal.url(lang)}>{t('intake.deskLink')}</a></li>
        <li><a class="govuk-link" href={PATHS.deskVisits.url(lang)}>{t('intake.deskVisitsLink')}</a></li>
      </ul>
    </Layout>
  );
}

/** Today's figures of the centre (the same the dashboards will read). */
function TodayFigures({ ctx, today }: { ctx: PageContext; today: DeskConsole['today'] }) {
  const { t } = ctx;
  const minutes = (s: number | null) => (s === null ? t('queue.desk.noFigure') : t('queue.ticket.minutes', { minutes: minutesOf(s) ?? 0 }));
  return (
    <>
      <h2 class="govuk-heading-m">{t('queue.desk.today')}</h2>
      <SummaryList t={t} rows={[
        { key: t('queue.desk.tickets'), value: String(today?.tickets ?? 0) },
        { key: t('queue.desk.servedCount'), value: String(today?.served ?? 0) },
        { key: t('queue.desk.noShows'), value: String(today?.noShows ?? 0) },
        { key: t('queue.desk.averageWait'), value: minutes(today?.averageWaitSeconds ?? null) },
        { key: t('queue.desk.averageService'), value: minutes(today?.averageServiceSeconds ?? null) },
      ]} />
    </>
  );
}
