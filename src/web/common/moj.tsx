import type { ComponentChildren } from 'preact';

/** MoJ Frontend's back-office patterns, as preact components (markup as in its templates). */

export interface TimelineItem {
  readonly title: string;
  /** Who did it ("by …" is the caller's wording, already translated). */
  readonly byline?: string | undefined;
  /** ISO timestamp for `<time datetime>`, and how it reads to people (local format). */
  readonly datetime: string;
  readonly when: string;
  readonly children?: ComponentChildren;
}

export function Timeline({ items, headingLevel = 2 }: { items: readonly TimelineItem[]; headingLevel?: 2 | 3 | 4 }) {
  const H = headingLevel === 2 ? 'h2' : headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div class="moj-timeline">
      {items.map((item, i) => (
        <div class="moj-timeline__item" key={`${item.datetime}-${i}`}>
          <div class="moj-timeline__header">
            <H class="moj-timeline__title">{item.title}</H>
            {item.byline ? <p class="moj-timeline__byline">{item.byline}</p> : null}
          </div>
          <p class="moj-timeline__date"><time dateTime={item.datetime}>{item.when}</time></p>
          {item.children ? <div class="moj-timeline__description">{item.children}</div> : null}
        </div>
      ))}
    </div>
  );
}

export type BadgeColour = 'purple' | 'bright-purple' | 'red' | 'green' | 'blue' | 'black' | 'grey' | 'orange';

export function Badge({ colour, large = false, children }: { colour?: BadgeColour | undefined; large?: boolean; children: ComponentChildren }) {
  return <strong class={`moj-badge${colour ? ` moj-badge--${colour}` : ''}${large ? ' moj-badge--large' : ''}`}>{children}</strong>;
}

/** Filters beside the results on wide screens, above them on narrow ones (no script: the filter is always shown). */
export function FilterLayout({ heading, filter, children }: { heading: string; filter: ComponentChildren; children: ComponentChildren }) {
  return (
    <div class="moj-filter-layout">
      <div class="moj-filter-layout__filter">
        <div class="moj-filter">
          <div class="moj-filter__header">
            <div class="moj-filter__header-title"><h2 class="govuk-heading-m">{heading}</h2></div>
          </div>
          <div class="moj-filter__content">
            <div class="moj-filter__options">{filter}</div>
          </div>
        </div>
      </div>
      <div class="moj-filter-layout__content">{children}</div>
    </div>
  );
}

export function SubNavigation({ label, items }: { label: string; items: readonly { href: string; text: string; current?: boolean }[] }) {
  return (
    <nav class="moj-sub-navigation" aria-label={label}>
      <ul class="moj-sub-navigation__list">
        {items.map((item) => (
          <li class="moj-sub-navigation__item" key={item.href}>
            <a class="moj-sub-navigation__link" href={item.href} aria-current={item.current ? 'page' : undefined}>{item.text}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A page heading with its actions (buttons, links) beside it. */
export function PageHeaderActions({ heading, children }: { heading: string; children: ComponentChildren }) {
  return (
    <div class="moj-page-header-actions">
      <div class="moj-page-header-actions__title"><h1 class="govuk-heading-l">{heading}</h1></div>
      <div class="moj-page-header-actions__actions"><div class="moj-button-group moj-button-group--inline">{children}</div></div>
    </div>
  );
}
