/**
 * Browser tests: the portal started with `npm start`, driven in Debian's Chromium with JavaScript
 * disabled (every page must work without it), axe-core on every page type in Ukrainian and English.
 *   npm run test:e2e [-- --json report.json]
 */
import { writeFileSync } from 'node:fs';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { axeViolations, launchChromium } from './browser.ts';
import { casesJourneys } from './cases.journeys.ts';
import { catalogueJourneys } from './catalogue.journeys.ts';
import { identityJourneys, mandateJourneys } from './identity.journeys.ts';
import { WIDTHS, checkFit, slugOf } from './fit.ts';
import { crawlChecks } from './pages.crawl.ts';
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
  /** Opens `path` in a context where axe-core can run (it needs script), asserts the status and fails on any violation. */
  audit(path: string, status: number): Promise<Page>;
  /**
   * Audits the page `from` shows now, in a script-enabled copy of its context (same cookies): the very
   * HTML it shows, so a page reached by posting a form is audited too. With `shot`, its screenshots at
   * 320 and 1280 px are kept as `<shot>-<width>.png` (`<journey>-<page>-<lang>`), for review.
   */
  auditLike(from: Page, shot?: string): Promise<void>;
}

async function main(): Promise<number> {
  const jsonIndex = process.argv.indexOf('--json');
  const jsonOut = jsonIndex >= 0 ? process.argv[jsonIndex + 1] : undefined;
  const portal = await startPortal();
  const browser = await launchChromium();
  let passed = 0;
  let failed = 0;
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
      const context = await browser.newContext({ baseURL: portal.url, bypassCSP: true, storageState: await from.context().storageState() });
      try {
        const page = await context.newPage();
        // The page as the journey shows it: a confirmation answered to a POST cannot be fetched again with a GET.
        await page.route((url) => url.href === target, (route) => (route.request().isNavigationRequest()
          ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
          : route.continue()), { times: 1 });
        await page.goto(target);
        const violations = await axeViolations(page);
        if (violations.length > 0) {
          throw new Error(`axe found ${violations.length} violation(s) on ${from.url()}:\n  ${violations.join('\n  ')}`);
        }
        // The pages a journey reaches through forms (confirmations, errors) must fit too.
        const url = new URL(page.url());
        for (const width of WIDTHS) {
          const misfit = await checkFit(page, width, shot ?? `journey-${slugOf(url.pathname + url.search)}`, width !== 390);
          if (misfit) {
            throw new Error(misfit);
          }
        }
      } finally {
        await context.close();
      }
    },
    async audit(path, status) {
      const context = await browser.newContext({ baseURL: portal.url, bypassCSP: true });
      const page = await ctx.visit(context, path, status);
      const violations = await axeViolations(page);
      if (violations.length > 0) {
        await context.close();
        throw new Error(`axe found ${violations.length} violation(s) on ${path}:\n  ${violations.join('\n  ')}`);
      }
      return page;
    },
  };
  try {
    // E2E_ONLY=<regex> runs the checks whose names match (the crawl alone, say), for a quicker look.
    const only = process.env['E2E_ONLY'] ? new RegExp(process.env['E2E_ONLY']) : null;
    const checks = [...(await catalogueJourneys(portal.url)), ...identityJourneys(), ...mandateJourneys(), ...casesJourneys(), ...crawlChecks()];
    for (const check of checks.filter((c) => only === null || only.test(c.name))) {
      const started = Date.now();
      try {
        await check.run(ctx);
        passed += 1;
        console.log(`ok - ${check.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed += 1;
        console.log(`not ok - ${check.name}\n  ${(error as Error).message.replace(/\n/g, '\n  ')}`);
      }
    }
  } finally {
    await browser.close();
    await portal.stop();
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  if (jsonOut) {
    writeFileSync(jsonOut, JSON.stringify({ passed, failed }));
  }
  return failed > 0 || passed === 0 ? 1 : 0;
}

process.exitCode = await main();
