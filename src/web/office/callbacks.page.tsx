import { CALLBACK_OUTCOMES, type CallbackRecord } from '../../modules/contact-centre/index.ts';
import { Button, ErrorSummary, NotificationBanner, Select, SummaryList, type SummaryRow, Tag, Textarea } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { paths } from '../common/paths.ts';
import type { TextKey, Translator } from '../locales/messages.ts';
import { type CallForm, topicLabel } from './calls.page.tsx';
import { formatTime } from './format.tsx';
import { OfficeNav, type OfficeNavItems } from './office-nav.tsx';

export interface CallbacksView {
  readonly callbacks: readonly CallbackRecord[];
  readonly me: string;
  readonly now: Date;
  readonly csrf: string;
  readonly nav: OfficeNavItems;
}

const outcomeLabel = (t: Translator, outcome: string): string =>
  ((CALLBACK_OUTCOMES as readonly string[]).includes(outcome) ? t(`callbacks.outcome.${outcome}` as TextKey) : outcome);

/** The queue of callbacks not done yet, the earliest due first: each taken by one operator. */
export function CallbacksPage({ ctx, view }: { ctx: PageContext; view: CallbacksView }) {
  const { t, lang } = ctx;
  const th = (key: TextKey) => <th scope="col" class="govuk-table__header">{t(key)}</th>;
  return (
    <Layout ctx={ctx} title={t('callbacks.title')} searchBox={false} wide>
      <OfficeNav ctx={ctx} items={view.nav} current="callbacks" />
      <h1 class="govuk-heading-l">{t('callbacks.title')}</h1>
      <p class="govuk-body">{t('callbacks.lead')}</p>
      {view.callbacks.length === 0 ? <p class="govuk-body">{t('callbacks.none')}</p> : (
        <div class="app-table-scroll" role="region" aria-labelledby="callbacks-caption" tabIndex={0}>
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m" id="callbacks-caption">{t('callbacks.caption')}</caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">{th('callbacks.col.due')}{th('callbacks.col.phone')}{th('callbacks.col.topic')}{th('callbacks.col.preferred')}{th('callbacks.col.taken')}{th('callbacks.col.action')}</tr>
            </thead>
            <tbody class="govuk-table__body">
              {view.callbacks.map((b) => (
                <tr class="govuk-table__row" key={b.id}>
                  <td class="govuk-table__cell">{formatTime(lang, b.dueAt)}{b.dueAt < view.now ? <> <Tag colour="red">{t('callbacks.overdue')}</Tag></> : null}</td>
                  <td class="govuk-table__cell app-nowrap">{b.phone}</td>
                  <td class="govuk-table__cell">{topicLabel(t, b.topic)}</td>
                  <td class="govuk-table__cell app-break-anywhere">{b.preferredTime}</td>
                  <td class="govuk-table__cell">{b.claimedByName ?? t('callbacks.free')}</td>
                  <td class="govuk-table__cell">
                    {b.claimedBy === null ? (
                      <form method="post" action={paths.callbackClaim(lang, b.id)}>
                        <input type="hidden" name="_csrf" value={view.csrf} />
                        <Button kind="secondary" class="govuk-!-margin-bottom-0">{t('callbacks.take')}<span class="govuk-visually-hidden"> {t('callbacks.takeFor', { phone: b.phone })}</span></Button>
                      </form>
                    ) : b.claimedBy === view.me ? (
                      <a class="govuk-link" href={paths.callbackRequest(lang, b.id)}>{t('callbacks.open')}<span class="govuk-visually-hidden"> {t('callbacks.takeFor', { phone: b.phone })}</span></a>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export interface CallbackView {
  readonly callback: CallbackRecord;
  readonly me: string;
  readonly csrf: string;
  readonly nav: OfficeNavItems;
  readonly form: CallForm;
}

/** One callback: what was asked, who took it, and (for the operator who took it) its outcome. */
export function CallbackPage({ ctx, view }: { ctx: PageContext; view: CallbackView }) {
  const { t, lang } = ctx;
  const b = view.callback;
  const mine = b.claimedBy === view.me;
  const errorOf = (field: string) => view.form.errors.find((e) => e.field === field)?.message;
  const rows: SummaryRow[] = [
    { key: t('callbacks.col.phone'), value: b.phone },
    { key: t('callbacks.col.topic'), value: topicLabel(t, b.topic) },
    ...(b.preferredTime === '' ? [] : [{ key: t('callbacks.col.preferred'), value: b.preferredTime }]),
    { key: t('callbacks.request.requested'), value: formatTime(lang, b.createdAt) },
    { key: t('callbacks.col.due'), value: formatTime(lang, b.dueAt) },
    { key: t('callbacks.request.takenBy'), value: b.claimedByName ?? t('callbacks.free') },
    ...(b.outcome === null ? [] : [{ key: t('callbacks.done.outcome'), value: outcomeLabel(t, b.outcome) }]),
    ...(b.notes ? [{ key: t('calls.call.notes'), value: b.notes }] : []),
  ];
  return (
    <Layout ctx={ctx} title={t('callbacks.request.title', { phone: b.phone })} searchBox={false} wide>
      <OfficeNav ctx={ctx} items={view.nav} current="callbacks" />
      {b.doneAt !== null ? <NotificationBanner t={t} kind="success" heading={t('callbacks.done.banner')} />
        : mine ? <NotificationBanner t={t} kind="success" heading={t('callbacks.request.claimedBanner')} /> : null}
      <ErrorSummary ctx={ctx} errors={view.form.errors} />
      <h1 class="govuk-heading-l app-break-anywhere">{t('callbacks.request.title', { phone: b.phone })}</h1>
      <SummaryList t={t} rows={rows} />
      {mine && b.doneAt === null ? (
        <form method="post" action={paths.callbackDone(lang, b.id)} novalidate>
          <input type="hidden" name="_csrf" value={view.csrf} />
          <h2 class="govuk-heading-m">{t('callbacks.done.heading')}</h2>
          <Select t={t} name="outcome" label={t('callbacks.done.outcome')} choose={t('calls.choose')} value={view.form.values['outcome']} error={errorOf('outcome')}
            options={CALLBACK_OUTCOMES.map((o) => ({ value: o, label: t(`callbacks.outcome.${o}`) }))} />
          <Textarea t={t} name="notes" label={t('callbacks.done.notes')} rows={3} maxLength={2000} value={view.form.values['notes'] ?? ''} error={errorOf('notes')} />
          <Button>{t('callbacks.done.button')}</Button>
        </form>
      ) : null}
      <p class="govuk-body"><a class="govuk-link" href={paths.callbacks(lang)}>{t('callbacks.title')}</a></p>
    </Layout>
  );
}
