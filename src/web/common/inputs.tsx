import { type ComponentChildren, Fragment } from 'preact';

import type { Translator } from '../locales/messages.ts';
import type { DateParts, DateProblem } from './form-values.ts';

/**
 * govuk-frontend's form controls. Every control's id is `filter-<name>` (the error summary links to it),
 * its hint `filter-<name>-hint`, its error message `filter-<name>-error`.
 */
export const fieldId = (name: string): string => `filter-${name}`;

export interface Option {
  readonly value: string;
  readonly label: string;
  readonly hint?: string;
  /** The label's language when it is not the page's (a language's own name). */
  readonly lang?: string;
}

type Size = 's' | 'm' | 'l' | 'xl';
export type InputWidth = 2 | 3 | 4 | 5 | 10 | 20 | 30 | 'full' | 'three-quarters' | 'two-thirds' | 'one-half' | 'one-third' | 'one-quarter';

/** A hint: one line, or several lines (a form's own hint, then the portal's rule). */
export type HintText = string | readonly string[] | undefined;

interface FieldBase {
  readonly t: Translator;
  readonly name: string;
  readonly label: ComponentChildren;
  readonly hint?: HintText;
  readonly error?: string | undefined;
  /** The label as the page's heading (one question per page). */
  readonly heading?: Size | undefined;
  /** The label's size when it is not the page's heading (one of several questions on a page). */
  readonly size?: Size | undefined;
}

const hasHint = (hint: HintText): boolean => (typeof hint === 'string' ? hint !== '' : hint !== undefined && hint.length > 0);

const describedBy = (name: string, hint: HintText, error: string | undefined, extra?: string) =>
  [extra, hasHint(hint) ? `${fieldId(name)}-hint` : null, error ? `${fieldId(name)}-error` : null].filter(Boolean).join(' ') || undefined;

export function ErrorMessage({ t, name, text }: { t: Translator; name: string; text: string | undefined }) {
  return text ? (
    <p class="govuk-error-message" id={`${fieldId(name)}-error`}>
      <span class="govuk-visually-hidden">{t('common.errorPrefix')}</span> {text}
    </p>
  ) : null;
}

export function Hint({ name, text }: { name: string; text: HintText }) {
  if (!hasHint(text)) {
    return null;
  }
  const lines = typeof text === 'string' ? [text] : (text ?? []);
  return <div class="govuk-hint" id={`${fieldId(name)}-hint`}>{lines.map((l, i) => (i === 0 ? l : <Fragment key={i}><br />{l}</Fragment>))}</div>;
}

export function FormGroup({ error, children }: { error?: string | undefined; children: ComponentChildren }) {
  return <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>{children}</div>;
}

function Label({ name, label, heading, size }: { name: string; label: ComponentChildren; heading?: Size | undefined; size?: Size | undefined }) {
  const control = <label class={`govuk-label${heading ?? size ? ` govuk-label--${heading ?? size}` : ''}`} for={fieldId(name)}>{label}</label>;
  return heading ? <h1 class="govuk-label-wrapper">{control}</h1> : control;
}

/** A labelled field around any control: label, hint, error message, then the control. */
export function Field({ t, name, label, hint, error, heading, size, children }: FieldBase & { children: ComponentChildren }) {
  return (
    <FormGroup error={error}>
      <Label name={name} label={label} heading={heading} size={size} />
      <Hint name={name} text={hint} />
      <ErrorMessage t={t} name={name} text={error} />
      {children}
    </FormGroup>
  );
}

const widthClass = (width: InputWidth | undefined) =>
  width === undefined ? '' : typeof width === 'number' ? ` govuk-input--width-${width}` : ` govuk-!-width-${width}`;

export function TextInput(props: FieldBase & {
  value?: string; type?: 'text' | 'email' | 'tel' | 'search' | 'url'; width?: InputWidth | undefined; inputMode?: 'numeric' | 'decimal' | 'email' | 'tel';
  autoComplete?: string | undefined; maxLength?: number | undefined; spellcheck?: boolean; readOnly?: boolean;
  /** The name the value is posted as, when it is not `name` (several small forms posting the same field). */
  postAs?: string;
}) {
  const { name, hint, error, value = '', type = 'text', width, inputMode, autoComplete, maxLength, spellcheck, readOnly, postAs = name } = props;
  // One of the text-like types: preact's typing of <input> wants the literal, not the union.
  const kind = { type } as { type: 'text' };
  return (
    <Field {...props}>
      <input class={`govuk-input${widthClass(width)}${error ? ' govuk-input--error' : ''}`} id={fieldId(name)} name={postAs} {...kind} value={value}
        inputMode={inputMode} autoComplete={autoComplete} maxLength={maxLength} spellcheck={spellcheck} readOnly={readOnly} aria-describedby={describedBy(name, hint, error)} />
    </Field>
  );
}

export function Textarea(props: FieldBase & { value?: string; rows?: number; maxLength?: number | undefined; autoComplete?: string | undefined }) {
  const { name, hint, error, value = '', rows = 5, maxLength, autoComplete } = props;
  return (
    <Field {...props}>
      <textarea class={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`} id={fieldId(name)} name={name} rows={rows} maxLength={maxLength}
        autoComplete={autoComplete} aria-describedby={describedBy(name, hint, error)}>{value}</textarea>
    </Field>
  );
}

export function Select(props: FieldBase & { options: readonly Option[]; value?: string | undefined; choose?: string | undefined; autoComplete?: string | undefined; fullWidth?: boolean }) {
  const { name, hint, error, options, value, choose, autoComplete, fullWidth } = props;
  return (
    <Field {...props}>
      <select class={`govuk-select${fullWidth ? ' govuk-!-width-full' : ''}${error ? ' govuk-select--error' : ''}`} id={fieldId(name)} name={name} autoComplete={autoComplete} aria-describedby={describedBy(name, hint, error)}>
        {choose === undefined ? null : <option value="">{choose}</option>}
        {options.map((o) => <option key={o.value} value={o.value} selected={o.value === value}>{o.label}</option>)}
      </select>
    </Field>
  );
}

interface ChoiceProps {
  readonly t: Translator;
  readonly name: string;
  readonly legend: string;
  readonly hint?: HintText;
  readonly error?: string | undefined;
  readonly heading?: Size | undefined;
  /** The legend's size when it is not the page's heading (default: small). */
  readonly size?: Size | undefined;
  readonly options: readonly Option[];
}

/** A fieldset with its legend (the page's heading when `heading` is set), hint and error message. */
export function Fieldset({ t, name, legend, hint, error, heading, size = 's', children, describedByExtra, group }: Omit<ChoiceProps, 'options'> & {
  children: ComponentChildren; describedByExtra?: string; /** A group of inputs that answer one question together (a date's parts). */ group?: boolean;
}) {
  return (
    <FormGroup error={error}>
      <fieldset class="govuk-fieldset" role={group ? 'group' : undefined} aria-describedby={describedBy(name, hint, error, describedByExtra)}>
        <legend class={`govuk-fieldset__legend govuk-fieldset__legend--${heading ?? size}`}>
          {heading ? <h1 class="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
        <Hint name={name} text={hint} />
        <ErrorMessage t={t} name={name} text={error} />
        {children}
      </fieldset>
    </FormGroup>
  );
}

function Choices({ kind, name, options, checked, inline, small }: {
  kind: 'radios' | 'checkboxes'; name: string; options: readonly Option[]; checked: (v: string) => boolean; inline?: boolean | undefined; small?: boolean | undefined;
}) {
  const type = kind === 'radios' ? 'radio' : 'checkbox';
  return (
    <div class={`govuk-${kind}${inline ? ` govuk-${kind}--inline` : ''}${small ? ` govuk-${kind}--small` : ''}`}>
      {options.map((o, i) => {
        // The first option carries the field's id, so the error summary's link lands on it.
        const id = i === 0 ? fieldId(name) : `${fieldId(name)}-${i + 1}`;
        return (
          <div class={`govuk-${kind}__item`} key={o.value}>
            <input class={`govuk-${kind}__input`} id={id} name={name} type={type} value={o.value} checked={checked(o.value)} aria-describedby={o.hint ? `${id}-item-hint` : undefined} />
            <label class={`govuk-label govuk-${kind}__label`} for={id} lang={o.lang}>{o.label}</label>
            {o.hint ? <div class={`govuk-hint govuk-${kind}__hint`} id={`${id}-item-hint`}>{o.hint}</div> : null}
          </div>
        );
      })}
    </div>
  );
}

export function Radios(props: ChoiceProps & { value?: string | undefined; inline?: boolean; small?: boolean }) {
  return (
    <Fieldset {...props}>
      <Choices kind="radios" name={props.name} options={props.options} checked={(v) => v === props.value} inline={props.inline} small={props.small} />
    </Fieldset>
  );
}

export function Checkboxes(props: ChoiceProps & { values?: readonly string[]; small?: boolean }) {
  const values = props.values ?? [];
  return (
    <Fieldset {...props}>
      <Choices kind="checkboxes" name={props.name} options={props.options} checked={(v) => values.includes(v)} small={props.small} />
    </Fieldset>
  );
}

/**
 * Day, month and year in three fields (read back with `readDateInput`). The parts a `problem` names
 * are marked in error; with an error and no problem, all three are. A date of birth (`autoComplete`
 * 'bday') fills its parts from the browser's `bday-day`, `bday-month`, `bday-year`.
 */
export function DateInput(props: Omit<ChoiceProps, 'options'> & { value?: DateParts | undefined; problem?: DateProblem | null | undefined; autoComplete?: 'bday' | undefined }) {
  const { t, name, value, problem, error, autoComplete } = props;
  const hint = props.hint ?? t('common.dateHint');
  const wrong = (part: keyof DateParts) => (problem === null || problem === undefined ? error !== undefined && error !== '' : problem.parts.includes(part));
  const parts = [
    { part: 'day', width: 2, label: t('common.day') },
    { part: 'month', width: 2, label: t('common.month') },
    { part: 'year', width: 4, label: t('common.year') },
  ] as const;
  return (
    <Fieldset {...props} hint={hint} group>
      <div class="govuk-date-input">
        {parts.map(({ part, width, label }) => {
          const id = part === 'day' ? fieldId(name) : `${fieldId(name)}-${part}`;
          return (
            <div class="govuk-date-input__item" key={part}>
              <div class="govuk-form-group">
                <label class="govuk-label govuk-date-input__label" for={id}>{label}</label>
                <input class={`govuk-input govuk-date-input__input govuk-input--width-${width}${wrong(part) ? ' govuk-input--error' : ''}`}
                  id={id} name={`${name}-${part}`} type="text" inputMode="numeric" value={value?.[part] ?? ''} maxLength={part === 'year' ? 4 : 2}
                  autoComplete={autoComplete === undefined ? undefined : `${autoComplete}-${part}`} />
              </div>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

/** The message for a date that could not be read, in the page's language. */
export function dateProblemText(t: Translator, problem: DateProblem): string {
  switch (problem.code) {
    case 'date.missing':
      return t('common.dateMissing');
    case 'date.incomplete':
      return t('common.datePart', { parts: problem.parts.map((p) => t(`common.dateParts.${p}`)).join(', ') });
    case 'date.invalid':
      return t('common.dateInvalid');
  }
}

/** A file input: `current` (the file already given) above it, `children` (its own buttons) below. */
export function FileUpload(props: FieldBase & { accept?: string; multiple?: boolean; current?: ComponentChildren; children?: ComponentChildren }) {
  const { name, hint, error, accept, multiple, current, children } = props;
  return (
    <Field {...props}>
      {current}
      <input class={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`} id={fieldId(name)} name={name} type="file" multiple={multiple} accept={accept} aria-describedby={describedBy(name, hint, error)} />
      {children}
    </Field>
  );
}
