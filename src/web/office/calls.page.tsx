import type { PartyCases } from '../../modules/cases/index.ts';
import { CALL_OUTCOMES, CALL_TOPICS, type CallRecord, type CallView, callSeconds } from '../../modules/contact-centre/index.ts';
import type { FieldError } from '../common/components.tsx';
import { Button, DateInput, Details, ErrorSummary, InsetText, NotificationBanner, Select, SummaryList, type SummaryRow, Tag, Textarea, TextInput, WarningText } from '../common/components.tsx';
import type { DateParts, DateProblem } from '../common/form-values.ts';
import { Layout, type PageContext } from '../common/layout.tsx';
import { paths } from '../common/paths.ts';
import type { TextKey, Translator } from '../locales/messages.ts';
import { Day, formatTime, When } from './format.tsx';
import { OfficeNav, type OfficeNavItems } from './office-nav.tsx';

/** What a form sent back shows again: the problems and the values typed. */
export interface CallForm {
  readonly errors: readonly FieldError[];
  readonly values: Readonly<Record<string, string>>;
  readonly birthDate?: DateParts | undefined;
  readonly birthDateProblem?: DateProblem | null | undefined;
}

export const NO_FORM: CallForm = { errors: [], values: {} };

const errorOf = (form: CallForm, field: string) => form.errors.find((e) => e.field === field)?.message;
const Csrf = ({ token }: { token: string }) => <input type="hidden" name="_csrf" value={token} />;

const topicOptions = (t: Translator) => CALL_TOPICS.map((topic) => ({ value: topic, label: t(`calls.topic.${topic}`) }));
const outcomeOptions = (t: Translator) => CALL_OUTCOMES.map((o) => ({ value: o, label: t(`calls.outcome.${o}`) }));

export const topicLabel = (t: Translator, topic: string): string => ((CALL_TOPICS as readonly string[]).includes(topic) ? t(`calls.topic.${topic}` as TextKey) : topic);
const outcomeLabel = (t: Translator, outcome: string): string => ((CALL_OUTCOMES as readonly string[]).includes(outcome) ? t(`calls.outcome.${outcome}` as TextKey) : outcome);

function callStatus(t: Translator, call: CallRecord) {
  if (call.endedAt !== null) {
    return <Tag colour="grey">{t('calls.status.ended')}</Tag>;
  }
  return call.callerPersonId === null ? <Tag colour="blue">{t('calls.status.open')}</Tag> : <Tag colour="green">{t('calls.status.identified')}</Tag>;
}

export interface CallsView {
  readonly calls: readonly CallRecord[];
  readonly csrf: string;
  readonly nav: OfficeNavItems;
  readonly form: CallForm;
}

/** The console's start: a new call by the caller's number, and the operator's latest calls. */
export function CallsPage({ ctx, view }: { ctx: PageContext; view: CallsView }) {
  const { t, lang } = ctx;
  const th = (key: TextKey) => <th scope="col" class="govuk-table__header">{t(key)}</th>;
  return (
    <Layout ctx={ctx} title={t('calls.title')} searchBox={false} wide>
      <OfficeNav ctx={ctx} items={view.nav} current="calls" />
      <ErrorSummary ctx={ctx} errors={view.form.errors} />
      <h1 class="govuk-heading-l">{t('calls.title')}</h1>
      <p class="govuk-body">{t('calls.lead')}</p>
      <p class="govuk-body"><a class="govuk-link" href={paths.callbacks(lang)}>{t('calls.queueLink')}</a></p>
      <h2 class="govuk-heading-m">{t('calls.start.heading')}</h2>
      <form method="post" action={paths.calls(lang)} novalidate>
        <Csrf token={view.csrf} />
        <TextInput t={t} name="phone" type="tel" label={t('calls.start.phone')} hint={t('calls.start.phoneHint')} width={20} autoComplete="off" maxLength={40}
          value={view.form.values['phone'] ?? ''} error={errorOf(view.form, 'phone')} />
        <Button>{t('calls.start.button')}</Button>
      </form>
      {view.calls.length === 0 ? <p class="govuk-body">{t('calls.recent.none')}</p> : (
        <div class="app-table-scroll" role="region" aria-labelledby="calls-caption" tabIndex={0}>
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m" id="calls-caption">{t('calls.recent.caption')}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">{th('calls.col.started')}{th('calls.col.phone')}{th('calls.col.status')}</tr></thead>
            <tbody class="govuk-table__body">
              {view.calls.map((c) => (
                <tr class="govuk-table__row" key={c.id}>
                  <td class="govuk-table__cell"><a class="govuk-link" href={paths.call(lang, c.id)}>{formatTime(lang, c.startedAt)}</a></td>
                  <td class="govuk-table__cell app-nowrap">{c.callerPhone}</td>
                  <td class="govuk-table__cell">{callStatus(t, c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export interface CallPageView {
  readonly call: CallView;
  readonly csrf: string;
  readonly nav: OfficeNavItems;
  readonly form: CallForm;
  /** The service standard, in working days. */
  readonly callbackWorkingDays: number;
  /** A callback just asked for (its id), for the banner. */
  readonly addedCallback: string | null;
}

const duration = (t: Translator, call: CallRecord): string => {
  const s = callSeconds(call.startedAt, call.endedAt ?? call.startedAt);
  return t('calls.call.seconds', { minutes: Math.floor(s / 60), seconds: s % 60 });
};

/** One call: who is calling (identify them first), their parties and cases, what can be done, a callback, the log. */
export function CallPage({ ctx, view }: { ctx: PageContext; view: CallPageView }) {
  const { t, lang } = ctx;
  const { call, caller, pendingCode, callbacks } = view.call;
  const form = view.form;
  const added = callbacks.find((b) => b.id === view.addedCallback);
  const identity = caller === null
    ? t('calls.call.notIdentified')
    : t(caller.by === 'sms-code' ? 'calls.call.bySms' : 'calls.call.byKnowledge', { name: caller.name });
  const rows: SummaryRow[] = [
    { key: t('calls.call.phone'), value: call.callerPhone },
    { key: t('calls.call.started'), value: <When lang={lang} at={call.startedAt} /> },
    { key: t('calls.call.identity'), value: identity },
    ...(call.endedAt === null ? [] : [
      { key: t('calls.call.duration'), value: duration(t, call) },
      { key: t('calls.call.topic'), value: topicLabel(t, call.topic ?? '') },
      { key: t('calls.call.outcome'), value: outcomeLabel(t, call.outcome ?? '') },
      ...(call.notes ? [{ key: t('calls.call.notes'), value: call.notes }] : []),
    ]),
  ];
  const ended = call.endedAt !== null;
  return (
    <Layout ctx={ctx} title={t('calls.call.title', { phone: call.callerPhone })} searchBox={false} wide>
      <OfficeNav ctx={ctx} items={view.nav} current="calls" />
      {ended ? <NotificationBanner t={t} kind="success" heading={t('calls.call.endedBanner')} /> : null}
      {added === undefined ? null : <NotificationBanner t={t} kind="success" heading={t('calls.callback.added', { due: formatTime(lang, added.dueAt) })} />}
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <h1 class="govuk-heading-l app-break-anywhere">{t('calls.call.title', { phone: call.callerPhone })}</h1>
      <SummaryList t={t} rows={rows} />
      {!ended && caller === null ? <Identify ctx={ctx} view={view} pending={pendingCode} /> : null}
      {caller === null ? null : (
        <>
          <h2 class="govuk-heading-m">{t('calls.caller.heading')}</h2>
          {caller.parties.map((p, i) => <PartyCasesTable key={i} ctx={ctx} party={p} index={i} />)}
          <h2 class="govuk-heading-m">{t('calls.actions.heading')}</h2>
          <p class="govuk-body">{t('calls.actions.lead')}</p>
          <ul class="govuk-list govuk-list--bullet" id="caller-actions">
            <li><a class="govuk-link" href={paths.assisted(lang)}>{t('calls.actions.apply')}</a></li>
            <li><a class="govuk-link" href={paths.callAppeal(lang, call.id)}>{t('calls.actions.appeal')}</a></li>
            <li><a class="govuk-link" href={paths.callVisits(lang, call.id)}>{t('calls.actions.book')}</a></li>
          </ul>
        </>
      )}
      {callbacks.length === 0 ? null : (
        <>
          <h2 class="govuk-heading-m">{t('calls.callback.listed')}</h2>
          <ul class="govuk-list">
            {callbacks.map((b) => (
              <li key={b.id}><a class="govuk-link" href={paths.callbackRequest(lang, b.id)}>{topicLabel(t, b.topic)}</a>, {b.phone}: {t('callbacks.col.due')} {formatTime(lang, b.dueAt)}</li>
            ))}
          </ul>
        </>
      )}
      {ended ? null : (
        <>
          <h2 class="govuk-heading-m">{t('calls.callback.heading')}</h2>
          <form method="post" action={paths.callCallback(lang, call.id)} novalidate>
            <Csrf token={view.csrf} />
            <p class="govuk-body">{t('calls.callback.standard', { term: t.plural('service.deadlineWorking', view.callbackWorkingDays) })}</p>
            <TextInput t={t} name="callbackPhone" type="tel" label={t('calls.callback.phone')} width={20} autoComplete="off" maxLength={40}
              value={form.values['callbackPhone'] ?? call.callerPhone} error={errorOf(form, 'callbackPhone')} />
            <Select t={t} name="callbackTopic" label={t('calls.callback.topic')} options={topicOptions(t)} choose={t('calls.choose')} value={form.values['callbackTopic']} error={errorOf(form, 'callbackTopic')} />
            <TextInput t={t} name="preferredTime" label={t('calls.callback.preferred')} hint={t('calls.callback.preferredHint')} maxLength={200}
              value={form.values['preferredTime'] ?? ''} error={errorOf(form, 'preferredTime')} />
            <Button kind="secondary">{t('calls.callback.button')}</Button>
          </form>
          <h2 class="govuk-heading-m">{t('calls.log.heading')}</h2>
          <form method="post" action={paths.callLog(lang, call.id)} novalidate>
            <Csrf token={view.csrf} />
            <Select t={t} name="topic" label={t('calls.log.topic')} options={topicOptions(t)} choose={t('calls.choose')} value={form.values['topic']} error={errorOf(form, 'topic')} />
            <Select t={t} name="outcome" label={t('calls.log.outcome')} options={outcomeOptions(t)} choose={t('calls.choose')} value={form.values['outcome']} error={errorOf(form, 'outcome')} />
            <Textarea t={t} name="notes" label={t('calls.log.notes')} rows={3} maxLength={2000} value={form.values['notes'] ?? ''} error={errorOf(form, 'notes')} />
            <Button>{t('calls.log.button')}</Button>
          </form>
        </>
      )}
      <p class="govuk-body"><a class="govuk-link" href={paths.calls(lang)}>{t('calls.call.back')}</a></p>
    </Layout>
  );
}

/** The two ways to identify a caller: a code to their confirmed number, or knowledge questions with the operator's judgement. */
function Identify({ ctx, view, pending }: { ctx: PageContext; view: CallPageView; pending: CallView['pendingCode'] }) {
  const { t, lang } = ctx;
  const form = view.form;
  const id = view.call.call.id;
  const knowledgeOpen = ['nationalId', 'birthDate', 'caseNumber', 'judgement'].some((f) => errorOf(form, f) !== undefined);
  return (
    <>
      <h2 class="govuk-heading-m">{t('calls.identify.heading')}</h2>
      <WarningText t={t}>{t('calls.identify.lead')}</WarningText>
      <h3 class="govuk-heading-s">{t('calls.code.heading')}</h3>
      <form method="post" action={paths.callCode(lang, id)} novalidate>
        <Csrf token={view.csrf} />
        <TextInput t={t} name="who" label={t('calls.code.who')} hint={t('calls.code.whoHint')} width={20} autoComplete="off" maxLength={40} spellcheck={false}
          value={form.values['who'] ?? ''} error={errorOf(form, 'who')} />
        <Button kind={pending === null ? 'primary' : 'secondary'}>{t('calls.code.send')}</Button>
      </form>
      {pending === null ? null : (
        <>
          <InsetText>{t('calls.code.sent', { ending: pending.phoneEnding, until: formatTime(lang, pending.expiresAt) })}</InsetText>
          <form method="post" action={paths.callCodeConfirm(lang, id)} novalidate>
            <Csrf token={view.csrf} />
            <TextInput t={t} name="code" label={t('calls.code.code')} hint={t('calls.code.codeHint', { left: pending.attemptsLeft })} width={10} inputMode="numeric"
              autoComplete="off" maxLength={6} spellcheck={false} value="" error={errorOf(form, 'code')} />
            <Button>{t('calls.code.confirm')}</Button>
          </form>
        </>
      )}
      {pending === null && errorOf(form, 'code') !== undefined ? <p class="govuk-error-message" id="filter-code">{errorOf(form, 'code')}</p> : null}
      <Details summary={t('calls.knowledge.summary')} open={knowledgeOpen}>
        <form method="post" action={paths.callKnowledge(lang, id)} novalidate>
          <Csrf token={view.csrf} />
          <TextInput t={t} name="nationalId" label={t('calls.knowledge.nationalId')} width={10} inputMode="numeric" autoComplete="off" maxLength={10} spellcheck={false}
            value={form.values['nationalId'] ?? ''} error={errorOf(form, 'nationalId')} />
          <DateInput t={t} name="birthDate" legend={t('calls.knowledge.birthDate')} hint={t('calls.knowledge.birthDateHint')} value={form.birthDate}
            problem={form.birthDateProblem} error={errorOf(form, 'birthDate')} />
          <TextInput t={t} name="caseNumber" label={t('calls.knowledge.caseNumber')} width={20} autoComplete="off" maxLength={60} spellcheck={false}
            value={form.values['caseNumber'] ?? ''} error={errorOf(form, 'caseNumber')} />
          <Textarea t={t} name="judgement" label={t('calls.knowledge.judgement')} hint={t('calls.knowledge.judgementHint')} rows={3} maxLength={2000}
            value={form.values['judgement'] ?? ''} error={errorOf(form, 'judgement')} />
          <Button kind="secondary">{t('calls.knowledge.button')}</Button>
        </form>
      </Details>
    </>
  );
}

/** One party's cases: number, service, state and due day. */
function PartyCasesTable({ ctx, party, index }: { ctx: PageContext; party: PartyCases; index: number }) {
  const { t, lang } = ctx;
  const th = (key: TextKey) => <th scope="col" class="govuk-table__header">{t(key)}</th>;
  const caption = `${t('calls.caller.casesOf', { name: party.option.name })} (${t(`calls.caller.basis.${party.option.basis.kind}`)})`;
  if (party.cases.length === 0) {
    return (
      <>
        <h3 class="govuk-heading-s">{caption}</h3>
        <p class="govuk-body">{t('calls.caller.noCases')}</p>
      </>
    );
  }
  return (
    <div class="app-table-scroll" role="region" aria-labelledby={`party-${index}-caption`} tabIndex={0}>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--s" id={`party-${index}-caption`}>{caption}</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row">{th('calls.col.case')}{th('calls.col.service')}{th('calls.col.state')}{th('calls.col.due')}</tr></thead>
        <tbody class="govuk-table__body">
          {party.cases.map((c) => (
            <tr class="govuk-table__row" key={c.case.id}>
              <th scope="row" class="govuk-table__header app-nowrap">{c.case.number}</th>
              <td class="govuk-table__cell">{c.serviceName[lang]}</td>
              <td class="govuk-table__cell">{c.state.label[lang]}</td>
              <td class="govuk-table__cell app-nowrap">{c.case.dueOn === null ? t('calls.col.noDue') : <Day lang={lang} day={c.case.dueOn} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
