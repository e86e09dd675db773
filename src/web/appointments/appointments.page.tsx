import type { AppointmentView, FreeSlot, Offer } from '../../modules/appointments/index.ts';
import { Button, ButtonLink, ErrorSummary, type FieldError, NotificationBanner, Panel, Radios, Tag, WarningText } from '../common/components.tsx';
import { formatDay, formatInstant } from '../common/dates.ts';
import { Layout, type PageContext } from '../common/layout.tsx';
import { paths } from '../common/paths.ts';

const cabinetCrumb = (ctx: PageContext) => ({ href: paths.cabinet(ctx.lang), label: ctx.t('cabinet.title') });
const listCrumb = (ctx: PageContext) => ({ href: paths.myAppointments(ctx.lang), label: ctx.t('appointments.title') });

function StatusOf({ ctx, a, now }: { ctx: PageContext; a: AppointmentView; now: Date }) {
  const { t } = ctx;
  if (a.status === 'cancelled') {
    return <Tag colour="grey">{t('appointments.cancelled')}</Tag>;
  }
  return a.startsAt <= now ? <Tag colour="grey">{t('appointments.past')}</Tag> : <Tag colour="green">{t('appointments.booked')}</Tag>;
}

/** "Мої записи / My appointments": every visit, latest first, with its status; the way to book another. */
export function AppointmentsPage({ ctx, list, now }: { ctx: PageContext; list: readonly AppointmentView[]; now: Date }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('appointments.title')} searchBox={false} crumbs={[cabinetCrumb(ctx)]}>
      <h1 class="govuk-heading-xl">{t('appointments.title')}</h1>
      <p class="govuk-body-l">{t('appointments.lead')}</p>
      <ButtonLink href={paths.bookAppointment(lang)}>{t('appointments.book')}</ButtonLink>
      {list.length === 0 ? <p class="govuk-body">{t('appointments.none')}</p> : (
        <ul class="govuk-list">
          {list.map((a) => (
            <li key={a.id} class="govuk-!-margin-bottom-4">
              <StatusOf ctx={ctx} a={a} now={now} />{' '}
              <a class="govuk-link" href={paths.myAppointment(lang, a.id)}>{a.serviceName[lang]}</a>
              <span class="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">{formatInstant(a.startsAt, lang)} · {a.centreName[lang]} · {t('appointments.reference')}: {a.reference}</span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

function Row({ label, children }: { label: string; children: preact.ComponentChildren }) {
  return <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{label}</dt><dd class="govuk-summary-list__value">{children}</dd></div>;
}

/** One appointment: the confirmation after booking, its calendar file, moving and cancelling it. */
export function AppointmentPage({ ctx, a, now, csrf, notice, errors }: { ctx: PageContext; a: AppointmentView; now: Date; csrf: string; notice: 'booked' | 'cancelled' | null; errors: readonly FieldError[] }) {
  const { t, lang } = ctx;
  const open = a.status === 'booked' && a.startsAt > now;
  return (
    <Layout ctx={ctx} title={t('appointments.open', { reference: a.reference })} searchBox={false} crumbs={[cabinetCrumb(ctx), listCrumb(ctx)]}>
      <ErrorSummary ctx={ctx} errors={errors} />
      {notice === 'booked' ? <Panel title={t('appointments.bookedPanel')}>{t('appointments.bookedBody', { reference: a.reference })}</Panel> : null}
      {notice === 'cancelled' ? <NotificationBanner t={t} kind="success" heading={t('appointments.cancelledBanner', { reference: a.reference })} /> : null}
      <h1 class="govuk-heading-l">{t('appointments.open', { reference: a.reference })}</h1>
      <dl class="govuk-summary-list">
        <Row label={t('appointments.status')}><StatusOf ctx={ctx} a={a} now={now} /></Row>
        <Row label={t('appointments.service')}>{a.serviceName[lang]}</Row>
        <Row label={t('appointments.when')}>{formatInstant(a.startsAt, lang)}</Row>
        <Row label={t('appointments.centre')}>{a.centreName[lang]}</Row>
        <Row label={t('appointments.address')}>{a.address[lang]}</Row>
        <Row label={t('appointments.reference')}><strong>{a.reference}</strong></Row>
        <Row label={t('appointments.bookedVia')}>{t(`appointments.channel.${a.bookedChannel}`)}</Row>
        {a.cancelledChannel === null ? null : <Row label={t('appointments.cancelledVia')}>{t(`appointments.channel.${a.cancelledChannel}`)}</Row>}
      </dl>
      <ul class="govuk-list">
        <li><a class="govuk-link" href={paths.appointmentCalendar(lang, a.id)} download={`appointment-${a.reference}.ics`}>{t('appointments.calendar')}</a></li>
        {open ? <li><a class="govuk-link" href={paths.bookAppointment(lang, { centre: a.centreId, service: a.serviceId, reschedule: a.id })}>{t('appointments.reschedule')}</a></li> : null}
        <li><a class="govuk-link" href={paths.myAppointments(lang)}>{t('appointments.all')}</a></li>
      </ul>
      {open ? (
        <form method="post" action={paths.cancelAppointment(lang, a.id)}>
          <input type="hidden" name="_csrf" value={csrf} />
          <WarningText t={t}>{t('appointments.cancelHint', { reference: a.reference })}</WarningText>
          <Button kind="warning">{t('appointments.cancel')}</Button>
        </form>
      ) : null}
    </Layout>
  );
}

/** Where the booking stands: what was chosen so far (each step a page of its own, no script needed). */
export interface BookingStep {
  readonly offers: readonly Offer[];
  readonly offer: Offer | null;
  readonly centreId: string | null;
  readonly day: string | null;
  readonly days: ReadonlyArray<{ day: string; free: number }>;
  readonly slots: readonly FreeSlot[];
  readonly moving: AppointmentView | null;
  readonly csrf: string;
  readonly errors: readonly FieldError[];
}

const stepTitle = (ctx: PageContext, s: BookingStep): string =>
  ctx.t(s.centreId === null ? 'appointments.stepCentre' : s.offer === null ? 'appointments.stepService' : s.day === null ? 'appointments.stepDay' : 'appointments.stepTime');

/** Booking a visit: centre, then service, then a day with free places, then a time. */
export function BookPage({ ctx, step }: { ctx: PageContext; step: BookingStep }) {
  const { t } = ctx;
  const title = stepTitle(ctx, step);
  return (
    <Layout ctx={ctx} title={`${step.errors.length > 0 ? `${t('error.prefix')} ` : ''}${title}`} searchBox={false} crumbs={[cabinetCrumb(ctx), listCrumb(ctx)]}>
      <ErrorSummary ctx={ctx} errors={step.errors} />
      <span class="govuk-caption-l">{t('appointments.book')}</span>
      {step.moving === null ? null : <p class="govuk-inset-text">{t('appointments.moving', { reference: step.moving.reference })}</p>}
      <BookStep ctx={ctx} step={step} title={title} />
    </Layout>
  );
}

function BookStep({ ctx, step, title }: { ctx: PageContext; step: BookingStep; title: string }) {
  const { t, lang } = ctx;
  const moving = step.moving === null ? {} : { reschedule: step.moving.id };
  if (step.centreId === null) {
    const centres = [...new Map(step.offers.map((o) => [o.centreId, o])).values()];
    return (
      <form method="get" action={paths.bookAppointment(lang)} novalidate>
        <Radios t={t} name="centre" legend={title} heading="l" options={centres.map((o) => ({ value: o.centreId, label: o.centreName[lang], hint: o.address[lang] }))} />
        <Button>{t('appointments.continue')}</Button>
      </form>
    );
  }
  if (step.offer === null) {
    return (
      <form method="get" action={paths.bookAppointment(lang)} novalidate>
        <input type="hidden" name="centre" value={step.centreId} />
        <Radios t={t} name="service" legend={title} heading="l" options={step.offers.filter((o) => o.centreId === step.centreId).map((o) => ({ value: o.serviceId, label: o.serviceName[lang], hint: t('appointments.minutes', { minutes: o.minutes }) }))} />
        <Button>{t('appointments.continue')}</Button>
        <p class="govuk-body"><a class="govuk-link" href={paths.bookAppointment(lang)}>{t('appointments.changeCentre')}</a></p>
      </form>
    );
  }
  const o = step.offer;
  if (step.day === null) {
    return (
      <>
        <h1 class="govuk-heading-l">{title}</h1>
        <p class="govuk-body">{o.serviceName[lang]} · {o.centreName[lang]}, {o.address[lang]}</p>
        {step.days.length === 0 ? <p class="govuk-body">{t('appointments.noDays')}</p> : (
          <ul class="govuk-list">
            {step.days.map((d) => (
              <li key={d.day}><a class="govuk-link" href={paths.bookAppointment(lang, { centre: o.centreId, service: o.serviceId, day: d.day, ...moving })}>{formatDay(d.day, lang)}</a> <span class="govuk-hint govuk-!-display-inline">({t.plural('appointments.dayFree', d.free)})</span></li>
            ))}
          </ul>
        )}
        {step.moving === null ? <p class="govuk-body"><a class="govuk-link" href={paths.bookAppointment(lang, { centre: o.centreId })}>{t('appointments.changeService')}</a></p> : null}
      </>
    );
  }
  return <TimeStep ctx={ctx} step={step} offer={o} day={step.day} title={title} />;
}

function TimeStep({ ctx, step, offer, day, title }: { ctx: PageContext; step: BookingStep; offer: Offer; day: string; title: string }) {
  const { t, lang } = ctx;
  const free = step.slots.filter((s) => s.free > 0);
  const back = paths.bookAppointment(lang, { centre: offer.centreId, service: offer.serviceId, ...(step.moving === null ? {} : { reschedule: step.moving.id }) });
  return (
    <form method="post" action={paths.bookAppointment(lang)} novalidate>
      <input type="hidden" name="_csrf" value={step.csrf} />
      <input type="hidden" name="centre" value={offer.centreId} />
      <input type="hidden" name="service" value={offer.serviceId} />
      <input type="hidden" name="day" value={day} />
      {step.moving === null ? null : <input type="hidden" name="reschedule" value={step.moving.id} />}
      {free.length === 0 ? <><h1 class="govuk-heading-l">{title}</h1><p class="govuk-body">{t('appointments.noTimes')}</p></> : (
        <Radios t={t} name="time" legend={title} heading="l" hint={`${formatDay(day, lang)} · ${offer.serviceName[lang]} · ${offer.centreName[lang]}`} error={step.errors.find((e) => e.field === 'time')?.message}
          options={free.map((s) => ({ value: s.startsAt.toISOString(), label: `${s.time}–${s.end}`, hint: t.plural('appointments.dayFree', s.free) }))} />
      )}
      {free.length === 0 ? null : <Button>{t(step.moving === null ? 'appointments.confirm' : 'appointments.confirmMove')}</Button>}
      <p class="govuk-body"><a class="govuk-link" href={back}>{t('appointments.changeDay')}</a></p>
    </form>
  );
}
