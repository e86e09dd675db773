import { createHash } from 'node:crypto';

import { AxeBuilder } from '@axe-core/playwright';
import axe from 'axe-core';
import { type Browser, type Page, type Route, chromium } from 'playwright-core';

import { tally, timed } from './profile.ts';

/** Debian's Chromium, headless, with nothing reaching outside this machine. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The violations found on each document already audited in this run, by its HTML and the viewport's
 * size: axe sees nothing else (the pages carry no script and the styles are the same all run), so the
 * same page reached again (a catalogue page the public crawl meets too, say) is not audited twice.
 */
const audited = new Map<string, Promise<string[]>>();

/**
 * The document as axe sees it, for the key of `audited`: a session's CSRF token and the ids of records
 * (UUIDs) are opaque strings that no rule reads, so two pages that differ only in them are the same
 * page to axe (the same form shown to two personas, say). Each distinct UUID becomes a numbered
 * placeholder in order of first appearance, so documents with the same key use their ids the same way
 * (a page that repeats an id never shares a key with one whose ids differ).
 */
function auditShape(html: string): string {
  const ids = new Map<string, number>();
  return html
    .replace(/(name="_csrf"[^>]*?value=")[^"]*"/g, '$1"')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, (id) => {
      const n = ids.get(id.toLowerCase()) ?? ids.size;
      ids.set(id.toLowerCase(), n);
      return `:id${n}`;
    });
}

/**
 * A script for AxeBuilder that does nothing: axe-core is in the page already (see below). AxeBuilder
 * evaluates its script twice per run (once in `analyze`, once more when it injects into each frame),
 * so a run on a page of one frame parsed axe-core's 0.5 MB twice: about as long as the rules took.
 */
const AXE_LOADED = 'void 0';

/** Whether the page's window has axe-core already (a string: see OVERFLOW_SCRIPT in fit.ts). */
export const AXE_PRESENT = "typeof window.axe === 'object' && typeof window.axe.run === 'function'";

/**
 * axe-core's WCAG 2.2 A/AA violations on the page, as "rule: target" lines. Only violations are
 * collected in full (`resultTypes`): the passes, incomplete and inapplicable results, which nothing
 * here reads, keep one node each instead of a selector and HTML for every node; the same rules run
 * on the same nodes and report the same violations.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const key = createHash('sha256').update(JSON.stringify(page.viewportSize())).update(auditShape(await page.content())).digest('hex');
  const known = audited.get(key);
  if (known) {
    tally('axe: a page audited already');
    return known;
  }
  const violations = timed('axe', async () => {
    // axe.run in the page itself when it has no frames: the same rules on the same document as the
    // frame-by-frame run, without the blank page that run opens to merge its frames' results. axe-core
    // is loaded into that page once, here; AxeBuilder loads it into every frame itself otherwise.
    // A document shown in place (`showInPlace`) keeps the axe-core its window was given before.
    const oneFrame = page.frames().length === 1;
    if (oneFrame && !(await page.evaluate(AXE_PRESENT))) {
      await page.evaluate(axe.source);
    }
    // `options` first: it replaces the options object, `withTags` adds to it.
    const builder = new AxeBuilder(oneFrame ? { page, axeSource: AXE_LOADED } : { page }).options({ resultTypes: ['violations'] }).withTags(WCAG_TAGS).setLegacyMode(oneFrame);
    const result = await builder.analyze();
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${v.help}`));
  });
  audited.set(key, violations);
  void violations.catch(() => audited.delete(key));
  return violations;
}

/**
 * Shows `html` in `page` as the document at `url` (same origin as the page's document), without a
 * navigation once the page holds a document of that origin: the document is rewritten in place
 * (`setContent`: `document.open` and `write`, which keep the window and what it holds, axe-core among
 * it) and its address set to `url` (`history.replaceState`), so links resolve and screenshots are named
 * as after a navigation. The styles, fonts and images load as they would (from the HTTP cache).
 *
 * Why: axe-core is half a megabyte of script. A navigation starts a new window, where it has to be
 * parsed and compiled again and runs cold; in a window that keeps it, a run costs a fifth
 * (BENCHMARKS.md, "The browser tests: pages audited in place").
 */
export async function showInPlace(page: Page, url: string, html: string): Promise<void> {
  const target = new URL(url);
  const current = page.url().startsWith('http') ? new URL(page.url()) : null;
  if (current === null || current.origin !== target.origin) {
    // The first document of this origin in the page: by a navigation that answers `html` itself.
    const asShown = (route: Route) => (route.request().isNavigationRequest()
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.continue());
    const isTarget = (u: URL) => u.href === target.href;
    await page.route(isTarget, asShown, { times: 1 });
    try {
      await page.goto(target.href);
    } finally {
      await page.unroute(isTarget, asShown);
    }
    return;
  }
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate((u) => history.replaceState(null, '', u), target.pathname + target.search + target.hash);
}
