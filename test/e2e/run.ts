/**
 * Browser tests: the portal started with `npm start`, driven in Debian's Chromium with JavaScript
 * disabled (every page must work without it), axe-core on every page type in Ukrainian and English.
 *   npm run test:e2e [-- --json report.json]
 */
import { writeFileSync } from 'node:fs';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { axeViolations, launchChromium, showInPlace } from './browser.ts';
import { appealsJourneys } from './appeals.journeys.ts';
import { appointmentJourneys } from './appointments.journeys.ts';
import { auditCanaryChecks } from './audit-canary.ts';
import { bundleJourneys } from './bundles.journeys.ts';
import { casesJourneys } from './cases.journeys.ts';
import { channelJourneys } from './channels.journeys.ts';
import { postJourneys } from './post.journeys.ts';
import { catalogueJourneys } from './catalogue.journeys.ts';
import { catalogueEditorJourneys } from './catalogue-editor.journeys.ts';
import { identityJourneys, mandateJourneys } from './identity.journeys.ts';
import { ALL_SCREENSHOTS, AUDIT_VIEWPORT, WIDTHS, checkFit, slugOf } from './fit.ts';
import { frontDeskJourneys } from './front-desk.steps.ts';
import { crawlChecks } from './pages.crawl.ts';
import { cpuLines, profileLines, timed } from './profile.ts';
import { queueJourneys } from './queue.journeys.ts';
import { startPortal } from './server.ts';

export interface Check {
  readonly name: string;
  readonly run: (ctx: E2eContext) => Promise<void>;
}

export interface E2eContext {
  readonly base: string;
  readonly browser: Browser;
  /** A fresh browser context with JavaScript off: how the journeys prove every page works without it. */
  newContext(): Promise<BrowserContext>;
  /** Opens `path` and asserts the status. */
  visit(context: BrowserContext, path: string, status: number): Promise<Page>;
  /**
   * Opens `path` signed out in a context where axe-core can run (it needs script), asserts the status,
   * fails on any violation, then lets `look` check the page further (the page is kept for later audits).
   */
  audit(path: string, status: number, look?: (page: Page) => Promise<void>): Promise<void>;
  /**
   * Audits the page `from` shows now, in a script-enabled copy of its context (same cookies): the very
   * HTML it shows, so a page reached by posting a form is audited too. With `shot`, its screenshots at
   * 320 and 1280 px are kept as `<shot>-<width>.png` (`<journey>-<page>-<lang>`), for review; without,
   * only when E2E_SCREENSHOTS=all (as `journey-<path>-<width>.png`).
   */
  auditLike(from: Page, shot?: string): Promise<void>;
}

async function main(): Promise<number> {
  const jsonIndex = process.argv.indexOf('--json');
  const jsonOut = jsonIndex >= 0 ? process.argv[jsonIndex + 1] : undefined;
  // E2E_PORTAL_URL=<url> runs against a portal started already (one started with `npm start` on the demo
  // data, left running between runs: for a quicker look at single checks); by default `npm start` here.
  const given = process.env['E2E_PORTAL_URL'];
  const portal = given
    ? { url: given, pid: undefined, stop: async () => undefined }
    : await timed('portal start (npm start)', () => startPortal());
  const browser = await timed('browser start', () => launchChromium());
  let passed = 0;
  let failed = 0;
  const auditors: Array<{ context: BrowserContext; page: Page }> = [];
  const newAuditor = async () => {
    const context = await browser.newContext({ baseURL: portal.url, bypassCSP: true, viewport: AUDIT_VIEWPORT });
    return { context, page: await context.newPage() };
  };
  /**
   * Runs `work` on a script-enabled page kept for audits (one per check running at once), signed in with
   * `cookies` (none: signed out) and at AUDIT_VIEWPORT: no new context, browser processes and downloads of
   * the styles per audit. The page is kept for the next audit when `work` succeeds, closed when it throws.
   */
  const withAuditor = async (cookies: Parameters<BrowserContext['addCookies']>[0], work: (page: Page) => Promise<void>): Promise<void> => {
    const auditor = auditors.pop() ?? await newAuditor();
    let reusable = false;
    try {
      const { context, page } = auditor;
      await context.clearCookies();
      if (cookies.length > 0) {
        await context.addCookies(cookies);
      }
      // Left at AUDIT_VIEWPORT by the fit check of its last audit (or new at it).
      if (page.viewportSize()?.width !== AUDIT_VIEWPORT.width || page.viewportSize()?.height !== AUDIT_VIEWPORT.height) {
        await page.setViewportSize(AUDIT_VIEWPORT);
      }
      await work(page);
      reusable = true;
    } finally {
      if (reusable) {
        auditors.push(auditor);
      } else {
        await auditor.context.close();
      }
    }
  };
  const failOnViolations = async (page: Page, where: string): Promise<void> => {
    const violations = await axeViolations(page);
    if (violations.length > 0) {
      throw new Error(`axe found ${violations.length} violation(s) on ${where}:\n  ${violations.join('\n  ')}`);
    }
  };
  const ctx: E2eContext = {
    base: portal.url,
    browser,
    newContext: () => browser.newContext({ javaScriptEnabled: false, baseURL: portal.url, locale: 'uk-UA' }),
    async visit(context, path, status) {
      const page = await context.newPage();
      const response = await page.goto(path);
      if (response?.status() !== status) {
        throw new Error(`${path} answered ${response?.status()}, expected ${status}`);
      }
      return page;
    },
    async auditLike(from, shot) {
      const html = await from.content();
      const target = from.url();
      await withAuditor(await from.context().cookies(), async (page) => {
        // The page as the journey shows it: a confirmation answered to a POST cannot be fetched again with a GET.
        await timed('audit: the page shown again', () => showInPlace(page, target, html));
        await failOnViolations(page, target);
        // The pages a journey reaches through forms (confirmations, errors) must fit too.
        const url = new URL(page.url());
        for (const width of WIDTHS) {
          const misfit = await checkFit(page, width, shot ?? `journey-${slugOf(url.pathname + url.search)}`, width !== 390 && (shot !== undefined || ALL_SCREENSHOTS));
          if (misfit) {
            throw new Error(misfit);
          }
        }
      });
    },
    async audit(path, status, look) {
      await withAuditor([], async (page) => {
        const response = await page.context().request.get(path);
        if (response.status() !== status) {
          throw new Error(`${path} answered ${response.status()}, expected ${status}`);
        }
        await showInPlace(page, response.url(), await response.text());
        await failOnViolations(page, path);
        await look?.(page);
      });
    },
  };
  try {
    // E2E_ONLY=<regex> runs the checks whose names match (the crawl alone, say), for a quicker look.
    const only = process.env['E2E_ONLY'] ? new RegExp(process.env['E2E_ONLY']) : null;
    const chosen = (list: readonly Check[]) => list.filter((c) => only === null || only.test(c.name));
    // The journeys first, the longest first, then the crawl (it expects the cases, requests and decisions they leave).
    // Within a phase the checks are independent (each has browser contexts of its own and looks only at
    // what it made or at the demo data), so E2E_CONCURRENCY of them (default 3) run at once: a check spends most of its
    // time waiting on the portal or the browser, so three at a time keep two cores busy.
    const phases = [
      chosen([...channelJourneys(), ...postJourneys(), ...casesJourneys(), ...bundleJourneys(), ...identityJourneys(), ...mandateJourneys(), ...(await catalogueJourneys(portal.url)), ...catalogueEditorJourneys(), ...appointmentJourneys(), ...queueJourneys(), ...appealsJourneys(), ...frontDeskJourneys(), ...auditCanaryChecks()]),
      chosen(crawlChecks()),
    ];
    const concurrency = Math.max(1, Number(process.env['E2E_CONCURRENCY'] ?? 3) || 1);
    const runOne = async (check: Check) => {
      const started = Date.now();
      try {
        await check.run(ctx);
        passed += 1;
        console.log(`ok - ${check.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed += 1;
        console.log(`not ok - ${check.name}\n  ${(error as Error).message.replace(/\n/g, '\n  ')}`);
      }
    };
    for (const [index, phase] of phases.entries()) {
      const queue = [...phase];
      await timed(index === 0 ? 'phase: the journeys (wall)' : 'phase: the crawl (wall)', () => Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
        for (let check = queue.shift(); check !== undefined; check = queue.shift()) {
          await runOne(check);
        }
      })));
    }
  } finally {
    // Measured before the browser and the portal end, while their processes can still be read.
    console.log(cpuLines(portal.pid).join('\n'));
    await Promise.all(auditors.map((a) => a.context.close()));
    await browser.close();
    await portal.stop();
  }
  console.log(`time by kind of step (summed over the checks running side by side):\n${profileLines().join('\n')}`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  if (jsonOut) {
    writeFileSync(jsonOut, JSON.stringify({ passed, failed }));
  }
  return failed > 0 || passed === 0 ? 1 : 0;
}

process.exitCode = await main();
