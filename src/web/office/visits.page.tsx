import type { AppointmentView, FreeSlot, Offer } from '../../modules/appointments/index.ts';
import { Button, ErrorSummary, type FieldError, InsetText, NotificationBanner } from '../common/components.tsx';
import { formatInstant } from '../common/dates.ts';
import { Radios, Select, TextInput } from '../common/inputs.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { formatDay } from './format.tsx';
import { OfficeNav, type OfficeNavItems } from './office-nav.tsx';

export interface VisitsView {
  readonly channel: 'phone' | 'in-person';
  readonly csrf: string;
  readonly nav: OfficeNavItems;
  /** The page's own address (its GET steps and its POST). */
  readonly action: string;
  /** Where a cancel form posts, per appointment. */
  readonly cancelAction: (appointmentId: string) => string;
  /** The person booked for; null at the desk before the visitor is found. */
  readonly person: { readonly id: string; readonly name: string } | null;
  readonly appointments: readonly AppointmentView[];
  readonly offers: readonly Offer[];
  readonly offer: Offer | null;
  readonly days: ReadonlyArray<{ readonly day: string; readonly free: number }>;
  readonly day: string | null;
  readonly slots: readonly FreeSlot[];
  readonly notice: string | null;
  readonly back: { readonly href: string; readonly label: string };
  readonly values: Readonly<Record<string, string>>;
  readonly errors: readonly FieldError[];
}

export const offerValue = (o: Pick<Offer, 'centreId' | 'serviceId'>) => `${o.centreId}~${o.serviceId}`;

/** An officer books a visit for the caller or the visitor, or cancels one of theirs: centre and service, a day, a time. */
export function VisitsPage({ ctx, view }: { ctx: PageContext; view: VisitsView }) {
  const { t, lang } = ctx;
  const error = (field: string) => view.errors.find((e) => e.field === field)?.message;
  const title = t(`visits.title.${view.channel}`);
  const csrf = <input type="hidden" name="_csrf" value={view.csrf} />;
  const visitor = view.person === null || view.channel === 'phone' ? null : <input type="hidden" name="visitor" value={view.person.id} />;
  return (
    <Layout ctx={ctx} title={`${view.errors.length > 0 ? `${t('error.prefix')} ` : ''}${title}`} searchBox={false} wide>
      <OfficeNav ctx={ctx} items={view.nav} current={view.channel === 'phone' ? 'calls' : 'home'} />
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        {view.notice === null ? null : <NotificationBanner t={t} kind="success" heading={view.notice} />}
        <ErrorSummary ctx={ctx} errors={view.errors} />
        <h1 class="govuk-heading-l">{title}</h1>
        <p class="govuk-body">{t(`visits.lead.${view.channel}`)}</p>
        {view.person === null ? (
          <form method="post" action={view.action} novalidate>
            {csrf}
            <input type="hidden" name="step" value="find" />
            <TextInput t={t} name="nationalId" label={t('visits.find.nationalId')} size="s" hint={t('visits.find.hint')} value={view.values['nationalId'] ?? ''} error={error('nationalId')} width={10} inputMode="numeric" maxLength={10} autoComplete="off" />
            <Button>{t('visits.find.button')}</Button>
          </form>
        ) : (
          <>
            <InsetText>{t('visits.person')}: <strong>{view.person.name}</strong></InsetText>
            <h2 class="govuk-heading-m">{t('visits.current')}</h2>
            {view.appointments.length === 0 ? <p class="govuk-body">{t('visits.none')}</p> : (
              <ul class="govuk-list">
                {view.appointments.map((a) => (
                  <li key={a.id} class="govuk-!-margin-bottom-4">
                    <span class="govuk-!-display-block"><strong>{formatInstant(a.startsAt, lang)}</strong> · {a.serviceName[lang]} · {a.centreName[lang]} · {a.reference}</span>
                    <form method="post" action={view.cancelAction(a.id)} novalidate>
                      {csrf}{visitor}
                      <Button kind="warning" class="govuk-!-margin-bottom-0">{t('visits.cancel')}<span class="govuk-visually-hidden"> {t('visits.cancelFor', { reference: a.reference })}</span></Button>
                    </form>
                  </li>
                ))}
              </ul>
            )}
            <h2 class="govuk-heading-m">{t('visits.book')}</h2>
            <BookStep ctx={ctx} view={view} />
          </>
        )}
        <p class="govuk-body"><a class="govuk-link" href={view.back.href}>{view.back.label}</a></p>
      </div></div>
    </Layout>
  );
}

function BookStep({ ctx, view }: { ctx: PageContext; view: VisitsView }) {
  const { t, lang } = ctx;
  const error = (field: string) => view.errors.find((e) => e.field === field)?.message;
  const visitor = view.person === null || view.channel === 'phone' ? null : <input type="hidden" name="visitor" value={view.person.id} />;
  const offer = view.offer;
  if (offer === null) {
    return (
      <form method="get" action={view.action} novalidate>
        {visitor}
        <Select t={t} name="offer" label={t('visits.offer')} size="s" value={view.values['offer']} error={error('offer')} fullWidth
          options={[{ value: '', label: t('visits.offerChoose') }, ...view.offers.map((o) => ({ value: offerValue(o), label: `${o.centreName[lang]} — ${o.serviceName[lang]}` }))]} />
        <Button kind="secondary">{t('visits.continue')}</Button>
      </form>
    );
  }
  const chosen = <p class="govuk-body">{offer.serviceName[lang]} · {offer.centreName[lang]}, {offer.address[lang]}</p>;
  const change = <p class="govuk-body"><a class="govuk-link" href={`${view.action}${visitorQuery(view)}`}>{t('visits.change')}</a></p>;
  if (view.day === null) {
    return (
      <>
        {chosen}
        {view.days.length === 0 ? <p class="govuk-body">{t('visits.noDays')}</p> : (
          <form method="get" action={view.action} novalidate>
            {visitor}
            <input type="hidden" name="offer" value={offerValue(offer)} />
            <Select t={t} name="day" label={t('visits.day')} size="s" value={view.values['day']} error={error('day')}
              options={view.days.map((d) => ({ value: d.day, label: `${formatDay(lang, d.day)} (${t.plural('appointments.dayFree', d.free)})` }))} />
            <Button kind="secondary">{t('visits.continue')}</Button>
          </form>
        )}
        {change}
      </>
    );
  }
  const free = view.slots.filter((s) => s.free > 0);
  return (
    <>
      {chosen}
      {free.length === 0 ? <p class="govuk-body">{t('visits.noTimes')}</p> : (
        <form method="post" action={view.action} novalidate>
          <input type="hidden" name="_csrf" value={view.csrf} />
          <input type="hidden" name="step" value="book" />
          {visitor}
          <input type="hidden" name="offer" value={offerValue(offer)} />
          <input type="hidden" name="day" value={view.day} />
          <Radios t={t} name="time" legend={t('visits.time')} size="s" hint={formatDay(lang, view.day)} error={error('time')}
            options={free.map((s) => ({ value: s.startsAt.toISOString(), label: `${s.time}–${s.end}`, hint: t.plural('appointments.dayFree', s.free) }))} />
          <Button>{t('visits.confirm')}</Button>
        </form>
      )}
      {change}
    </>
  );
}

const visitorQuery = (view: VisitsView) => (view.person === null || view.channel === 'phone' ? '' : `?visitor=${encodeURIComponent(view.person.id)}`);


