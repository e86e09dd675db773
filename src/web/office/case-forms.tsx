import { MAX_CASE_TEXT } from '../../modules/cases/index.ts';
import type { TextKey } from '../locales/messages.ts';
import { paths } from '../common/paths.ts';
import type { FieldError } from '../common/components.tsx';
import { Button, type ButtonKind } from '../common/govuk.tsx';
import { ErrorMessage, Radios, Select, Textarea } from '../common/inputs.tsx';
import { Timeline } from '../common/moj.tsx';
import type { PageContext } from '../common/layout.tsx';
import { ACTIONS_FIELD, REFUSAL_GROUND_FIELD, actionField } from './errors.tsx';
import { Csrf, ReasonTextarea, errorOf, fieldId } from './fields.tsx';
import { formatTime } from './format.tsx';
import { type CaseView, type Officer, type OfficerEvent, isOfficerEvent } from './query.tsx';
import { officerOptions } from './queue-table.tsx';
import { officePaths } from './office-paths.ts';
import { statusText } from './case-status.tsx';

/** The forms of the case view: workflow actions, internal notes and assignment. Each posts on its own. */

export interface CaseForms {
  readonly csrf: string;
  readonly me: string;
  readonly errors: readonly FieldError[];
  /** What was typed into the form that failed: `event`, `reason`, `refusalGroundId`, `note`, `assignee`. */
  readonly values: Readonly<Record<string, string>>;
}

const ACTION_LABEL: Record<OfficerEvent, TextKey> = {
  register: 'office.action.register',
  'start-review': 'office.action.start-review',
  'request-information': 'office.action.request-information',
  grant: 'office.action.grant',
  refuse: 'office.action.refuse',
  close: 'office.action.close',
};

/** A grant is the page's main action, a refusal a warning, every other step secondary. */
const ACTION_KIND: Record<OfficerEvent, ButtonKind> = {
  register: 'secondary',
  'start-review': 'secondary',
  'request-information': 'secondary',
  grant: 'primary',
  refuse: 'warning',
  close: 'secondary',
};

export function Actions({ ctx, view, forms }: { ctx: PageContext; view: CaseView; forms: CaseForms }) {
  const { t } = ctx;
  const events = view.actions.filter(isOfficerEvent);
  const general = errorOf(forms.errors, ACTIONS_FIELD);
  return (
    <section aria-labelledby="actions-title" id={fieldId(ACTIONS_FIELD)} tabIndex={-1} class={general ? 'govuk-form-group govuk-form-group--error' : undefined}>
      <h2 class="govuk-heading-m" id="actions-title">{t('office.actions.title')}</h2>
      <ErrorMessage t={t} name={ACTIONS_FIELD} text={general} />
      {events.length === 0 ? <p class="govuk-body">{statusText(ctx, view, forms.me)} {t('office.actions.none')}</p> : null}
      {events.map((event) => <ActionForm key={event} ctx={ctx} view={view} event={event} forms={forms} />)}
    </section>
  );
}

function ActionForm({ ctx, view, event, forms }: { ctx: PageContext; view: CaseView; event: OfficerEvent; forms: CaseForms }) {
  const { t, lang } = ctx;
  const mine = forms.values['event'] === event;
  const value = (name: string) => (mine ? (forms.values[name] ?? '') : '');
  const reason = (label: string, hint: string | undefined, required: boolean) => {
    const field = actionField(event, 'reason');
    return <ReasonTextarea t={t} field={field} name="reason" label={label} hint={hint} error={errorOf(forms.errors, field)} value={value('reason')} required={required} />;
  };
  const grounds = view.service.refusalGrounds.map((g) => ({ value: g.id, label: g.text[lang] }));
  return (
    <form method="post" action={event === 'grant' || event === 'refuse' ? officePaths.decision(lang, view.case.id) : paths.officeCaseAct(lang, view.case.id)} class="app-office-action" novalidate>
      <Csrf token={forms.csrf} />
      <input type="hidden" name="event" value={event} />
      {event === 'request-information' ? reason(t('office.action.question'), t('office.action.questionHint'), true) : null}
      {event === 'grant' ? reason(t('office.action.grantReasons'), undefined, false) : null}
      {event === 'refuse' ? (
        <Radios t={t} name={REFUSAL_GROUND_FIELD} legend={t('office.action.refusalGround')} options={grounds} value={value('refusalGroundId')} error={errorOf(forms.errors, REFUSAL_GROUND_FIELD)} />
      ) : null}
      {event === 'refuse' ? reason(t('office.action.refusalReasons'), undefined, true) : null}
      <Button kind={ACTION_KIND[event]}>{t(ACTION_LABEL[event])}</Button>
    </form>
  );
}

/** Officers' notes as a timeline (the MoJ pattern), newest last as they were written, then the form for a new one. */
export function Notes({ ctx, view, forms }: { ctx: PageContext; view: CaseView; forms: CaseForms }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="notes-title">
      <h2 class="govuk-heading-m" id="notes-title">{t('office.notes.title')}</h2>
      <p class="govuk-hint">{t('office.notes.hint')}</p>
      {view.notes.length === 0 ? <p class="govuk-body">{t('office.notes.none')}</p> : (
        <Timeline headingLevel={3} items={view.notes.map((n) => ({
          title: n.authorName,
          datetime: n.at.toISOString(),
          when: formatTime(lang, n.at),
          children: <p class="govuk-body app-office-text">{n.text}</p>,
        }))} />
      )}
      <form method="post" action={paths.officeCaseNotes(lang, view.case.id)} novalidate>
        <Csrf token={forms.csrf} />
        <Textarea t={t} name="note" label={t('office.notes.label')} rows={3} maxLength={MAX_CASE_TEXT} value={forms.values['note'] ?? ''} error={errorOf(forms.errors, 'note')} />
        <Button kind="secondary">{t('office.notes.submit')}</Button>
      </form>
    </section>
  );
}

export function Assignment({ ctx, view, forms, officers }: { ctx: PageContext; view: CaseView; forms: CaseForms; officers: readonly Officer[] }) {
  const { t, lang } = ctx;
  const c = view.case;
  return (
    <section aria-labelledby="assignment-title">
      <h2 class="govuk-heading-m" id="assignment-title">{t('office.assign.title')}</h2>
      <p class="govuk-body">{t('office.assign.current', { name: c.assignedName ?? t('office.unassigned') })}</p>
      {c.outcome !== null ? null : (
        <form method="post" action={paths.officeCaseAssign(lang, c.id)} novalidate>
          <Csrf token={forms.csrf} />
          <Select t={t} name="assignee" label={t('office.assign.label')} choose={t('office.assign.nobody')} options={officerOptions(ctx, officers, forms.me)}
            value={forms.values['assignee'] ?? c.assignedTo ?? ''} error={errorOf(forms.errors, 'assignee')} />
          <Button kind="secondary">{t('office.assign.submit')}</Button>
        </form>
      )}
    </section>
  );
}
