import { type Attachment, MAX_ANSWER_FILES } from '../../modules/applications/index.ts';
import type { Service } from '../../modules/catalogue/index.ts';
import type { CollectionStanding } from '../../modules/collection/index.ts';
import type { CaseEvidence } from '../../modules/registries/index.ts';
import { RegistryEvidence } from '../common/registry-evidence.tsx';
import { type CaseDocument, type CaseEventRecord, type CaseRecord, MAX_CASE_TEXT, formatMoney, type InformationRequest, type PaymentStanding } from '../../modules/cases/index.ts';
import { paths } from '../common/paths.ts';
import { ErrorSummary, type FieldError, FileUpload, formatTerm, Textarea, Timeline } from '../common/components.tsx';
import { formatDay, formatInstant } from '../common/dates.ts';
import { Layout, type PageContext } from '../common/layout.tsx';
import { Answers, RateForm, Requests, WithdrawForm } from './case-parts.tsx';
import { actorWords, channelWords } from '../common/case-actor.ts';
import { caseStatusView, type CaseStatusView, type TimelineItem } from './case.view.ts';
import { documentName, StatusTag, turnText } from './status.tsx';

export interface CaseView {
  readonly case: CaseRecord;
  readonly service: Service;
  readonly events: readonly CaseEventRecord[];
  readonly requests: readonly InformationRequest[];
  readonly documents: readonly CaseDocument[];
  readonly attachments: readonly Attachment[];
  /** Where the fee stands: while a payment is being confirmed (or paid) no second one is offered. */
  readonly payment: PaymentStanding;
  /** The day an answer to the open request is asked for (null: none open). */
  readonly answerDueOn: string | null;
  readonly organisationName: string;
  readonly errors: readonly FieldError[];
  readonly notice: string | null;
  readonly values: Readonly<Record<string, string>>;
  readonly csrf: string;
  /** Where the result stands at a centre: ready for collection, or collected (null: not made ready). */
  readonly collection: CollectionStanding | null;
  /** Evidence the portal fetches from the registries for the officer (ADR 0027). */
  readonly evidence: readonly CaseEvidence[];
}

/** One case as the applicant sees it: its status, whose turn it is and by when, what to do now, and its history. */
export function CasePage({ ctx, view }: { ctx: PageContext; view: CaseView }) {
  const { t, lang } = ctx;
  const c = view.case;
  const status = caseStatusView(view);
  const open = view.requests.find((r) => r.answeredAt === null);
  return (
    <Layout ctx={ctx} title={`${view.errors.length > 0 ? `${t('error.prefix')} ` : ''}${t('cases.caseTitle', { number: c.number })}`} searchBox={false}
      crumbs={[{ href: paths.cabinet(lang), label: t('cabinet.title') }, { href: paths.myApplications(lang), label: t('cases.mine') }]}>
      <ErrorSummary ctx={ctx} errors={view.errors} />
      {view.notice ? (
        <div class="govuk-notification-banner" role="region" aria-labelledby="notice-title" data-module="govuk-notification-banner">
          <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="notice-title">{t('cases.banner.update')}</h2></div>
          <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">{view.notice}</p></div>
        </div>
      ) : null}
      <span class="govuk-caption-l">{view.service.name[lang]} · {view.organisationName}</span>
      <h1 class="govuk-heading-xl">{t('cases.caseTitle', { number: c.number })}</h1>
      <ActionBanner ctx={ctx} view={view} status={status} />
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{t('cases.status')}</dt>
          <dd class="govuk-summary-list__value">
            {status.stateLabel === null ? <strong class="govuk-tag govuk-tag--blue">{t('cases.confirmingLabel')}</strong> : <StatusTag lang={lang} tone={status.tone} label={status.stateLabel} />}
            <p class="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">{status.turn.kind === 'confirming-payment' ? t('cases.confirmingPayment') : turnText(t, status.turn)}</p>
          </dd>
        </div>
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{t('cases.submitted')}</dt><dd class="govuk-summary-list__value">{formatInstant(c.submittedAt, lang)}</dd></div>
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{t('cases.term')}</dt><dd class="govuk-summary-list__value">{formatTerm(t, c.term)}</dd></div>
        {view.collection === null ? null : (
          <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{t('collection.section.title')}</dt><dd class="govuk-summary-list__value">
            {view.collection.kind === 'collected' ? t('collection.cabinet.collected', { on: formatInstant(view.collection.on, lang) }) : (
              <>
                <p class="govuk-body govuk-!-margin-bottom-1">{t('collection.cabinet.ready', { centre: view.collection.centre[lang], since: formatInstant(view.collection.since, lang) })}</p>
                {view.collection.collectBy === null ? null : <p class="govuk-body govuk-!-margin-bottom-0">{t('collection.cabinet.readyBy', { day: formatDay(view.collection.collectBy, lang) })}</p>}
              </>
            )}
          </dd></div>
        )}
        {c.party.kind === 'self' ? null : <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{t('receipt.applicant')}</dt><dd class="govuk-summary-list__value">{t('cases.forParty', { name: c.party.name, applicant: c.applicantName })}</dd></div>}
      </dl>
      {open ? <AnswerForm ctx={ctx} view={view} request={open} /> : null}
      <RegistryEvidence ctx={ctx} items={view.evidence} names={new Map(view.service.evidence.map((e) => [e.id, e.name]))} officer={false} />
      <Documents ctx={ctx} view={view} />
      <h2 class="govuk-heading-m" id="history">{t('cases.history')}</h2>
      <History ctx={ctx} items={status.timeline} />
      {view.requests.length > 0 ? <Requests ctx={ctx} caseId={c.id} requests={view.requests} attachments={view.attachments} /> : null}
      <Answers ctx={ctx} view={view} />
      {c.outcome === null ? <WithdrawForm ctx={ctx} view={view} /> : null}
      {c.outcome !== null && c.rating === null ? <RateForm ctx={ctx} view={view} /> : null}
      {c.rating !== null ? <p class="govuk-body">{t('cases.rated', { rating: c.rating })}</p> : null}
    </Layout>
  );
}

/** What the applicant must do now (answer, pay), or that the decision is ready: the notification banner of the pattern. */
function ActionBanner({ ctx, view, status }: { ctx: PageContext; view: CaseView; status: CaseStatusView }) {
  const { t, lang } = ctx;
  const c = view.case;
  if (status.banner === null) {
    return null;
  }
  const turn = status.turn;
  return (
    <div class="govuk-notification-banner" role="region" aria-labelledby="action-title" data-module="govuk-notification-banner">
      <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="action-title">{t('cases.banner.title')}</h2></div>
      <div class="govuk-notification-banner__content">
        {status.banner === 'answer' && turn.kind === 'answer' ? (
          <>
            <p class="govuk-notification-banner__heading">{t('cases.banner.answer', { due: formatDay(turn.request.answerDueOn, lang) })}</p>
            <p class="govuk-body"><a class="govuk-notification-banner__link" href="#request-title">{t('cases.banner.answerLink')}</a></p>
          </>
        ) : null}
        {status.banner === 'pay' ? (
          <form method="post" action={paths.caseAction(lang, c.id, 'pay')}>
            <input type="hidden" name="_csrf" value={view.csrf} />
            <p class="govuk-notification-banner__heading">{t('cases.banner.pay', { amount: formatMoney(c.feeAmount, lang) })}</p>
            <button type="submit" class="govuk-button govuk-!-margin-bottom-0">{t('cases.pay', { amount: formatMoney(c.feeAmount, lang) })}</button>
          </form>
        ) : null}
        {status.banner === 'decision' ? (
          <>
            <p class="govuk-notification-banner__heading">{t('cases.banner.decision')}</p>
            <p class="govuk-body">{c.outcome === 'refused' ? t('cases.next.refused') : t('cases.next.granted')}</p>
            {c.outcome === 'refused' ? <p class="govuk-body">{t('appeals.refusal.offer')} <a class="govuk-notification-banner__link" href={paths.caseAppeal(lang, c.id)}>{t('appeals.refusal.title')}</a></p> : null}
            <p class="govuk-body"><a class="govuk-notification-banner__link" href="#documents-title">{t('cases.documents')}</a></p>
          </>
        ) : null}
      </div>
    </div>
  );
}

const CHANNELS = ['web', 'api', 'sms', 'phone', 'post', 'in-person'] as const;
const channelName = (t: PageContext['t'], channel: string): string => {
  const known = CHANNELS.find((c) => c === channel);
  return known === undefined ? channel : t(`channel.case.${known}`).toLowerCase();
};

function History({ ctx, items }: { ctx: PageContext; items: readonly TimelineItem[] }) {
  const { t, lang } = ctx;
  return (
    <Timeline headingLevel={3} items={items.map((e) => ({
      title: 'event' in e.title ? t(`cases.event.${e.title.event}`) : e.title.state[lang],
      byline: t('timeline.byline', { who: actorWords(t, e.actor, { names: false }), channel: channelWords(t, e.channel) }),
      datetime: e.at.toISOString(), when: formatInstant(e.at, lang),
      children: e.reason || e.refusalGround || e.byStaff ? (
        <>
          {e.byStaff ? <p class="govuk-body">{t(`cases.filedBy.${e.byStaff.role}`, { name: e.byStaff.name, channel: channelName(t, e.byStaff.channel) })}</p> : null}
          {e.reason ? <p class="govuk-body">{e.reason}</p> : null}
          {e.refusalGround ? <p class="govuk-body">{e.refusalGround[lang]}</p> : null}
        </>
      ) : undefined,
    }))} />
  );
}

function AnswerForm({ ctx, view, request }: { ctx: PageContext; view: CaseView; request: InformationRequest }) {
  const { t, lang } = ctx;
  const error = view.errors.find((e) => e.field === 'answer')?.message;
  const filesError = view.errors.find((e) => e.field === 'files')?.message;
  return (
    <section aria-labelledby="request-title" class="govuk-inset-text">
      <h2 class="govuk-heading-m" id="request-title">{t('cases.requestTitle')}</h2>
      <p class="govuk-hint">{t('cases.requestAsked', { at: formatInstant(request.askedAt, lang) })}{view.answerDueOn === null ? '' : ` · ${t('cabinet.todo.answerDue', { due: formatDay(view.answerDueOn, lang) })}`}</p>
      <blockquote class="govuk-body">{request.question}</blockquote>
      <form method="post" action={paths.caseAction(lang, view.case.id, 'answer')} encType="multipart/form-data" novalidate>
        <input type="hidden" name="_csrf" value={view.csrf} />
        <Textarea t={t} name="answer" size="s" label={t('cases.answerLabel')} error={error} rows={6} maxLength={MAX_CASE_TEXT} value={view.values['answer'] ?? ''} />
        <FileUpload t={t} name="files" size="s" label={t('cases.answerFiles')} error={filesError} multiple accept="application/pdf,image/jpeg,image/png"
          hint={t('cases.answerFilesHint', { mb: view.service.form?.maxAttachmentMb ?? 10, n: MAX_ANSWER_FILES })} />
        <button type="submit" class="govuk-button">{t('cases.sendAnswer')}</button>
      </form>
    </section>
  );
}

function Documents({ ctx, view }: { ctx: PageContext; view: CaseView }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="documents-title">
      <h2 class="govuk-heading-m" id="documents-title">{t('cases.documents')}</h2>
      <ul class="govuk-list">
        <li><a class="govuk-link" href={paths.receipt(lang, view.case.id)}>{t('cases.receipt')}</a></li>
        {view.documents.map((d) => (
          <li key={d.id}>
            <a class="govuk-link" href={paths.caseDocument(lang, view.case.id, d.id)}>{documentName(t, d.kind)} {d.number} (PDF)</a>
            {' · '}<a class="govuk-link" href={paths.verify(lang, d.id)}>{t('cases.verifyLink')}</a>
            {d.status === 'revoked' ? <strong class="govuk-tag govuk-tag--red govuk-!-margin-left-1">{t('verify.revoked')}</strong> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
