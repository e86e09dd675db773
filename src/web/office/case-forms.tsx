import { MAX_CASE_TEXT } from '../../modules/cases/index.ts';
import type { TextKey } from '../locales/messages.ts';
import { paths } from '../common/paths.ts';
import type { FieldError } from '../common/components.tsx';
import type { PageContext } from '../common/layout.tsx';
import { ACTIONS_FIELD, actionField } from './errors.tsx';
import { Csrf, Field, FieldMessage, describedBy, errorOf, fieldId } from './fields.tsx';
import { formatTime } from './format.tsx';
import { type CaseView, type Officer, type OfficerEvent, isOfficerEvent } from './query.tsx';
import { OfficerSelect } from './queue-table.tsx';
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

export function Actions({ ctx, view, forms }: { ctx: PageContext; view: CaseView; forms: CaseForms }) {
  const { t } = ctx;
  const events = view.actions.filter(isOfficerEvent);
  const general = errorOf(forms.errors, ACTIONS_FIELD);
  return (
    <section aria-labelledby="actions-title" id={fieldId(ACTIONS_FIELD)} tabIndex={-1} class={general ? 'govuk-form-group--error' : undefined}>
      <h2 class="govuk-heading-m" id="actions-title">{t('office.actions.title')}</h2>
      <FieldMessage errors={forms.errors} field={ACTIONS_FIELD} />
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
    return (
      <Field errors={forms.errors} field={field} label={label} {...(hint === undefined ? {} : { hint })}>
        <textarea class="govuk-textarea" id={fieldId(field)} name="reason" rows={4} required={required} aria-describedby={describedBy(forms.errors, field, hint !== undefined)} value={value('reason')} />
      </Field>
    );
  };
  return (
    <form method="post" action={event === 'grant' || event === 'refuse' ? officePaths.decision(lang, view.case.id) : paths.officeCaseAct(lang, view.case.id)} class={`office-action office-action-${event}`} novalidate>
      <Csrf token={forms.csrf} />
      <input type="hidden" name="event" value={event} />
      {event === 'request-information' ? reason(t('office.action.question'), t('office.action.questionHint'), true) : null}
      {event === 'grant' ? reason(t('office.action.grantReasons'), undefined, false) : null}
      {event === 'refuse' ? <RefusalGrounds ctx={ctx} view={view} errors={forms.errors} value={value('refusalGroundId')} /> : null}
      {event === 'refuse' ? reason(t('office.action.refusalReasons'), undefined, true) : null}
      <button type="submit" class={`govuk-button${event === 'refuse' ? ' govuk-button--warning' : event === 'grant' ? '' : ' govuk-button--secondary'}`} data-module="govuk-button">{t(ACTION_LABEL[event])}</button>
    </form>
  );
}

function RefusalGrounds({ ctx, view, errors, value }: { ctx: PageContext; view: CaseView; errors: readonly FieldError[]; value: string }) {
  const { t, lang } = ctx;
  const field = actionField('refuse', 'refusalGroundId');
  const error = errorOf(errors, field);
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset class="govuk-fieldset" aria-describedby={error ? `${fieldId(field)}-error` : undefined}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t('office.action.refusalGround')}</legend>
        <FieldMessage errors={errors} field={field} />
        <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
          {view.service.refusalGrounds.map((g, i) => {
            const id = i === 0 ? fieldId(field) : `${fieldId(field)}-${i}`;
            return (
              <div class="govuk-radios__item" key={g.id}>
                <input class="govuk-radios__input" type="radio" id={id} name="refusalGroundId" value={g.id} checked={value === g.id} required />
                <label class="govuk-label govuk-radios__label" for={id}>{g.text[lang]}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Notes({ ctx, view, forms }: { ctx: PageContext; view: CaseView; forms: CaseForms }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="notes-title">
      <h2 class="govuk-heading-m" id="notes-title">{t('office.notes.title')}</h2>
      <p class="govuk-hint">{t('office.notes.hint')}</p>
      {view.notes.length === 0 ? <p>{t('office.notes.none')}</p> : null}
      <ul class="plain office-notes">
        {view.notes.map((n) => (
          <li key={n.id}>
            <p class="office-text">{n.text}</p>
            <p class="meta">{t('office.notes.by', { name: n.authorName, time: formatTime(lang, n.at) })}</p>
          </li>
        ))}
      </ul>
      <form method="post" action={paths.officeCaseNotes(lang, view.case.id)} novalidate>
        <Csrf token={forms.csrf} />
        <Field errors={forms.errors} field="note" label={t('office.notes.label')}>
          <textarea class="govuk-textarea" id={fieldId('note')} name="note" rows={3} maxLength={MAX_CASE_TEXT} required aria-describedby={describedBy(forms.errors, 'note', false)} value={forms.values['note'] ?? ''} />
        </Field>
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t('office.notes.submit')}</button>
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
      <p>{t('office.assign.current', { name: c.assignedName ?? t('office.unassigned') })}</p>
      {c.outcome !== null ? null : (
        <form method="post" action={paths.officeCaseAssign(lang, c.id)} novalidate>
          <Csrf token={forms.csrf} />
          <Field errors={forms.errors} field="assignee" label={t('office.assign.label')}>
            <OfficerSelect ctx={ctx} field="assignee" officers={officers} me={forms.me} value={forms.values['assignee'] ?? c.assignedTo ?? ''} errors={forms.errors} />
          </Field>
          <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t('office.assign.submit')}</button>
        </form>
      )}
    </section>
  );
}
