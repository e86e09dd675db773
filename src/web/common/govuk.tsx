import type { ComponentChildren } from 'preact';

import type { Translator } from '../locales/messages.ts';

/** govuk-frontend's content components, as preact components (markup as in govuk-frontend's templates). */

export type ButtonKind = 'primary' | 'secondary' | 'warning';
const buttonClass = (kind: ButtonKind, extra?: string) => `govuk-button${kind === 'primary' ? '' : ` govuk-button--${kind}`}${extra ? ` ${extra}` : ''}`;

export function Button({ kind = 'primary', name, value, children, class: extra }: { kind?: ButtonKind; name?: string; value?: string; class?: string; children: ComponentChildren }) {
  return <button type="submit" class={buttonClass(kind, extra)} name={name} value={value}>{children}</button>;
}

/** A link that looks like a button (a start button, "Continue" to another page). */
export function ButtonLink({ href, kind = 'primary', start = false, children }: { href: string; kind?: ButtonKind; start?: boolean; children: ComponentChildren }) {
  return (
    <a href={href} draggable={false} class={buttonClass(kind, start ? 'govuk-button--start' : undefined)}>
      {children}
      {start ? (
        <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
        </svg>
      ) : null}
    </a>
  );
}

export function ButtonGroup({ children }: { children: ComponentChildren }) {
  return <div class="govuk-button-group">{children}</div>;
}

export type TagColour = 'grey' | 'green' | 'turquoise' | 'teal' | 'blue' | 'purple' | 'magenta' | 'pink' | 'red' | 'orange' | 'yellow';

export function Tag({ colour, children }: { colour?: TagColour | undefined; children: ComponentChildren }) {
  return <strong class={`govuk-tag${colour && colour !== 'blue' ? ` govuk-tag--${colour}` : ''}`}>{children}</strong>;
}

export function InsetText({ children }: { children: ComponentChildren }) {
  return <div class="govuk-inset-text">{children}</div>;
}

export function Details({ summary, open = false, children }: { summary: string; open?: boolean; children: ComponentChildren }) {
  return (
    <details class="govuk-details" open={open}>
      <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{summary}</span></summary>
      <div class="govuk-details__text">{children}</div>
    </details>
  );
}

export function WarningText({ t, children }: { t: Translator; children: ComponentChildren }) {
  return (
    <div class="govuk-warning-text">
      <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
      <strong class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">{t('common.warning')}</span>
        {children}
      </strong>
    </div>
  );
}

/** The confirmation panel at the end of a journey: its title is the page's h1. */
export function Panel({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="govuk-panel govuk-panel--confirmation">
      <h1 class="govuk-panel__title">{title}</h1>
      {children ? <div class="govuk-panel__body">{children}</div> : null}
    </div>
  );
}

/** A banner at the top of the page: `success` after an action (a live region), `important` for something to know. */
export function NotificationBanner({ t, kind = 'important', heading, children }: { t: Translator; kind?: 'success' | 'important'; heading: string; children?: ComponentChildren }) {
  const success = kind === 'success';
  const titleId = `govuk-notification-banner-title-${kind}`;
  return (
    <div class={`govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`} role={success ? 'alert' : 'region'} aria-labelledby={titleId}>
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id={titleId}>{success ? t('common.success') : t('common.important')}</h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">{heading}</p>
        {children}
      </div>
    </div>
  );
}

export interface SummaryRow {
  readonly key: string;
  readonly value: ComponentChildren;
  /** A "Change" link: where, and what it changes (read to screen readers after "Change"). */
  readonly change?: { readonly href: string; readonly what: string; readonly label?: string } | undefined;
}

export function SummaryList({ t, rows, borders = true }: { t: Translator; rows: readonly SummaryRow[]; borders?: boolean }) {
  const anyActions = rows.some((r) => r.change !== undefined);
  return (
    <dl class={`govuk-summary-list${borders ? '' : ' govuk-summary-list--no-border'}`}>
      {rows.map((row, i) => (
        <div key={`${row.key}-${i}`} class={`govuk-summary-list__row${anyActions && !row.change ? ' govuk-summary-list__row--no-actions' : ''}`}>
          <dt class="govuk-summary-list__key">{row.key}</dt>
          <dd class="govuk-summary-list__value">{row.value}</dd>
          {row.change ? (
            <dd class="govuk-summary-list__actions">
              <a class="govuk-link" href={row.change.href}>
                {row.change.label ?? t('common.change')}<span class="govuk-visually-hidden"> {row.change.what}</span>
              </a>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

/** Previous and next, with the numbered pages between them. `href(n)` builds page n's URL. */
export function Pagination({ t, page, pages, href }: { t: Translator; page: number; pages: number; href: (n: number) => string }) {
  if (pages <= 1) {
    return null;
  }
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const arrow = (d: string) => (
    <svg class={`govuk-pagination__icon govuk-pagination__icon--${d === 'prev' ? 'prev' : 'next'}`} xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
      <path d={d === 'prev' ? 'm6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z' : 'm8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z'} />
    </svg>
  );
  return (
    <nav class="govuk-pagination" aria-label={t('common.pagination')}>
      {page > 1 ? (
        <div class="govuk-pagination__prev">
          <a class="govuk-link govuk-pagination__link" href={href(page - 1)} rel="prev">{arrow('prev')}<span class="govuk-pagination__link-title">{t('common.previous')}</span></a>
        </div>
      ) : null}
      <ul class="govuk-pagination__list">
        {shown.map((n, i) => [
          i > 0 && n - (shown[i - 1] ?? n) > 1 ? <li key={`gap-${n}`} class="govuk-pagination__item govuk-pagination__item--ellipses">&ctdot;</li> : null,
          <li key={n} class={`govuk-pagination__item${n === page ? ' govuk-pagination__item--current' : ''}`}>
            <a class="govuk-link govuk-pagination__link" href={href(n)} aria-label={`${t('common.pageOf')} ${n}`} aria-current={n === page ? 'page' : undefined}>{n}</a>
          </li>,
        ])}
      </ul>
      {page < pages ? (
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href={href(page + 1)} rel="next"><span class="govuk-pagination__link-title">{t('common.next')}</span>{arrow('next')}</a>
        </div>
      ) : null}
    </nav>
  );
}

/** A table that scrolls inside its own labelled, focusable region on small screens, never the page. */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return <div class="app-table-scroll" role="region" aria-label={label} tabIndex={0}>{children}</div>;
}

export interface Task {
  readonly title: string;
  readonly href?: string | undefined;
  readonly hint?: string | undefined;
  /** The status: a tag (not started, in progress) or plain text (completed, cannot start yet). */
  readonly status: { readonly text: string; readonly colour?: TagColour | undefined } | string;
}

export function TaskList({ tasks, idPrefix = 'task-list' }: { tasks: readonly Task[]; idPrefix?: string }) {
  return (
    <ul class="govuk-task-list">
      {tasks.map((task, i) => {
        const hintId = `${idPrefix}-${i + 1}-hint`;
        const statusId = `${idPrefix}-${i + 1}-status`;
        return (
          <li key={task.title} class={`govuk-task-list__item${task.href ? ' govuk-task-list__item--with-link' : ''}`}>
            <div class="govuk-task-list__name-and-hint">
              {task.href ? <a class="govuk-link govuk-task-list__link" href={task.href} aria-describedby={task.hint ? `${hintId} ${statusId}` : statusId}>{task.title}</a> : <div>{task.title}</div>}
              {task.hint ? <div id={hintId} class="govuk-task-list__hint">{task.hint}</div> : null}
            </div>
            <div class={`govuk-task-list__status${typeof task.status === 'string' ? ' govuk-task-list__status--cannot-start-yet' : ''}`} id={statusId}>
              {typeof task.status === 'string' ? task.status : <Tag colour={task.status.colour}>{task.status.text}</Tag>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
