import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { HtmlValidate } from 'html-validate';
import type { Page } from 'playwright-core';

import { timed } from './profile.ts';

/** The widths every page must fit without scrolling sideways: the narrowest phone, a common phone, a desktop. */
export const WIDTHS = [320, 390, 1280] as const;

/** Where screenshots go (kept by CI as an artefact; `.tmp/` is not committed). */
export const SCREENSHOTS = process.env['SCREENSHOTS_DIR'] ?? join(process.cwd(), '.tmp', 'screenshots');

/**
 * Whether every page checked is kept as a screenshot (`E2E_SCREENSHOTS=all`): each crawled page and
 * each page a journey audits without naming it. Otherwise only the pages kept for review are: those a
 * journey names (`auditLike(page, shot)`: the pages only forms reach). Every page is measured at every
 * width either way; a screenshot is for a person to look at, no check reads it.
 */
export const ALL_SCREENSHOTS = process.env['E2E_SCREENSHOTS'] === 'all';

/**
 * The viewport an audit runs at: the widest of WIDTHS, at the height of its screenshots. The journeys'
 * audits and the crawl use the same one, so axe's results for a page one of them audited already are
 * reused by the other (test/e2e/browser.ts keys them by the viewport), and a page left at the last
 * width of the fit check (1280) needs no resize before its next audit.
 */
export const AUDIT_VIEWPORT = { width: 1280, height: 900 } as const;

export interface Overflow {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  /** The widest elements that stick out and are not inside a region that scrolls by itself. */
  readonly culprits: readonly string[];
}

/**
 * Whether the page scrolls sideways at the viewport's width: `null` when it fits. A table inside its own
 * scrolling region (`overflow-x: auto`) may be wider; the page may not.
 */
export async function overflowOf(page: Page): Promise<Overflow | null> {
  // A string, not a function: the test runner's transpiler would wrap named functions in a helper the page lacks.
  return timed('overflow check', () => page.evaluate<Overflow | null>(OVERFLOW_SCRIPT));
}

const OVERFLOW_SCRIPT = `(() => {
  const doc = document.documentElement;
  if (doc.scrollWidth <= doc.clientWidth) {
    return null;
  }
  const contained = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX;
      if (x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip') {
        return true;
      }
    }
    return false;
  };
  const describe = (el) => {
    const id = el.id ? '#' + el.id : '';
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).slice(0, 2).join('.') : '';
    return el.tagName.toLowerCase() + id + cls;
  };
  const culprits = Array.from(document.body.querySelectorAll('*'))
    .map((el) => ({ el, right: el.getBoundingClientRect().right }))
    .filter((x) => x.right > doc.clientWidth + 1 && !contained(x.el))
    .sort((a, b) => b.right - a.right)
    .slice(0, 5)
    .map((x) => describe(x.el) + ' (right edge ' + Math.round(x.right) + ' px)');
  return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, culprits };
})()`;

/** The screenshots this run has written: a page shape several journeys reach is kept once, as the first one saw it. */
const written = new Set<string>();

/**
 * Sets the width, checks the page fits and keeps a screenshot of the viewport (900 px high) named after
 * the page. Returns a failure line or null. The overflow check measures the whole document, not what the
 * screenshot shows; a screenshot of the viewport costs the browser a fraction of a full page's (no resize
 * to the page's height, no re-layout, a smaller image to encode), and shows the page's head, where the
 * layout of each width is decided.
 */
export async function checkFit(page: Page, width: number, name: string, screenshot = true): Promise<string | null> {
  const size = page.viewportSize();
  if (size?.width !== width || size.height !== 900) {
    await timed('viewport resize', () => page.setViewportSize({ width, height: 900 }));
  }
  const path = join(SCREENSHOTS, `${name}-${width}.png`);
  const shoot = screenshot && !written.has(path);
  if (shoot) {
    written.add(path);
    mkdirSync(SCREENSHOTS, { recursive: true });
  }
  // The screenshot and the measurement side by side: the measurement only reads the layout.
  const [overflow] = await Promise.all([
    overflowOf(page),
    shoot ? timed('screenshot', () => page.screenshot({ path })) : undefined,
  ]);
  if (overflow === null) {
    return null;
  }
  return `${page.url()} scrolls sideways at ${width} px (${overflow.scrollWidth} > ${overflow.clientWidth}): ${overflow.culprits.join(', ') || 'no single element found'}`;
}

const validator = new HtmlValidate({
  extends: ['html-validate:standard'],
  rules: {
    // The design system's markup: `role="region"` on a scrolling table wrapper and similar are deliberate.
    'no-redundant-role': 'off',
  },
});

/** HTML conformance errors of the page's served markup (what the server sent, not the live DOM). */
export async function htmlErrors(html: string, url: string): Promise<string[]> {
  const report = await timed('html-validate', () => validator.validateString(html, url));
  return report.results.flatMap((r) => r.messages.map((m) => `${url}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}

/** A file-name-safe name for a URL path: `/uk/cabinet/cases/…/receipt` → `uk-cabinet-cases-_-receipt`. */
export function slugOf(pathAndQuery: string): string {
  const slug = pathAndQuery
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '_')
    .replace(/[^a-zA-Z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 120) || 'root';
}
