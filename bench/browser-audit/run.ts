/**
 * What an axe-core audit costs the browser, by how the page reaches the window axe runs in:
 *   node --import tsx bench/browser-audit/run.ts [--rounds 3]
 * Starts the portal as the browser tests do (`npm start`, a fresh embedded database), opens eight
 * public pages in one kept page of Debian's Chromium (the browser tests' flags), and prints each
 * way's CPU seconds of the browser per page (the processes this one started, the portal's apart: as
 * `npm run test:e2e` counts them) and the ratio to a
 * navigation alone, measured in the same run:
 * - a navigation alone (the baseline);
 * - a navigation, then axe-core's WCAG 2.2 A/AA run: axe-core is evaluated into each new window;
 * - the page shown in place (`showInPlace`: the HTML fetched, then written into the window, which keeps
 *   axe-core), then the same run. This is how the browser tests audit pages.
 * Not a timed test: it prints numbers, it does not fail on them.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';

import { AXE_PRESENT, WCAG_TAGS, launchChromium, showInPlace } from '../../test/e2e/browser.ts';
import { AUDIT_VIEWPORT } from '../../test/e2e/fit.ts';
import { cpuSeconds } from '../../test/e2e/profile.ts';
import { startPortal } from '../../test/e2e/server.ts';

const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg >= 0 ? Number(process.argv[roundsArg + 1]) : 3;
const PATHS = ['/uk', '/en', '/uk/search?q=паспорт', '/en/search?q=passport', '/uk/accessibility', '/en/accessibility', '/uk/sign-in', '/en/sign-in'];
const RUN = `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} }, resultTypes: ['violations'] }).then((r) => r.violations.length)`;

/**
 * axe-core's run as `axeViolations` makes it, without its cache of pages audited already (the rounds
 * audit the same pages again, and each must be measured).
 */
const audit = async (page: Page) => {
  if (!(await page.evaluate(AXE_PRESENT))) {
    await page.evaluate(axe.source);
  }
  const violations = await page.evaluate(RUN);
  if (violations !== 0) {
    throw new Error(`${page.url()}: ${String(violations)} axe violations`);
  }
};

const portal = await startPortal();
const chromiumCpu = () => cpuSeconds(portal.pid).browser;
const browser = await launchChromium();
try {
  const context = await browser.newContext({ baseURL: portal.url, bypassCSP: true, viewport: AUDIT_VIEWPORT });
  const page = await context.newPage();
  const ways: Array<[string, (path: string) => Promise<void>]> = [
    ['a navigation alone (baseline)', async (path) => { await page.goto(path); }],
    ['a navigation, then axe', async (path) => { await page.goto(path); await audit(page); }],
    ['shown in place, then axe', async (path) => {
      const response = await context.request.get(path);
      await showInPlace(page, response.url(), await response.text());
      await audit(page);
    }],
  ];
  // Once each, unmeasured: the styles cached, the portal's pages rendered once.
  for (const [, way] of ways) {
    for (const path of PATHS) {
      await way(path);
    }
  }
  const totals = new Map<string, { cpu: number; ms: number; n: number }>();
  for (let round = 0; round < rounds; round++) {
    for (const [name, way] of ways) {
      const cpu = chromiumCpu();
      const started = performance.now();
      for (const path of PATHS) {
        await way(path);
      }
      const t = totals.get(name) ?? { cpu: 0, ms: 0, n: 0 };
      totals.set(name, { cpu: t.cpu + chromiumCpu() - cpu, ms: t.ms + performance.now() - started, n: t.n + PATHS.length });
    }
  }
  const base = totals.get(ways[0]?.[0] ?? '');
  console.log(`# An axe audit's cost in the browser: ${PATHS.length} public pages, ${rounds} rounds, ways alternating\n`);
  console.log('| way | CPU-s of the browser a page | ms a page | ÷ a navigation alone (CPU) |');
  console.log('|---|---:|---:|---:|');
  for (const [name, t] of totals) {
    console.log(`| ${name} | ${(t.cpu / t.n).toFixed(3)} | ${(t.ms / t.n).toFixed(0)} | ${base ? ((t.cpu / t.n) / (base.cpu / base.n)).toFixed(2) : '—'}× |`);
  }
} finally {
  await browser.close();
  await portal.stop();
}
