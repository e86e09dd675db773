/**
 * Every page, as everyone who uses it: the crawl follows the links a public visitor, a citizen, a
 * director acting for a company, an officer, a supervisor and an administrator see, in both languages,
 * and on each page it meets checks that the page
 * - answers 2xx (a link to an error page is a broken link),
 * - does not scroll sideways at 320, 390 or 1280 px (a table may scroll inside its own region),
 * - has no axe WCAG 2.2 A/AA violations and no HTML conformance errors,
 * and keeps a screenshot at 320 and 1280 px in SCREENSHOTS_DIR (default .tmp/screenshots) of the pages kept for
 * review (REVIEW), and of every page with E2E_SCREENSHOTS=all.
 * It runs after the journeys, so cases, requests and decisions exist to be seen.
 */
import type { BrowserContext, Page } from 'playwright-core';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

import { axeViolations, showInPlace } from './browser.ts';
import { ALL_SCREENSHOTS, AUDIT_VIEWPORT, WIDTHS, checkFit, htmlErrors, slugOf } from './fit.ts';
import { timed } from './profile.ts';
import type { Check, E2eContext } from './run.ts';

interface Persona {
  readonly name: string;
  /** The eID persona's name on the picker; none for the public. */
  readonly eid?: RegExp;
  readonly realm?: 'citizen' | 'staff';
  /** Act for the first other party on the act-as page after signing in. */
  readonly actForCompany?: boolean;
  /** Where the crawl starts (after the language prefix). */
  readonly start: readonly string[];
  /** Which paths (after the language prefix) this persona's crawl follows. */
  readonly follows: RegExp;
}

const PERSONAS: readonly Persona[] = [
  { name: 'public', start: ['/', '/search?q=паспорт', '/search?q=zzzzqx'], follows: /^\/(|search|services\/[^/]+|agencies(\/[^/]+)?|events(\/[^/]+)?|centres(\/[^/]+)?|accessibility|sign-in)$/ },
  { name: 'citizen', eid: /Олена Коваль/, realm: 'citizen', start: ['/cabinet', '/services/international-passport'], follows: /^\/(cabinet|applications)(\/|$)/ },
  { name: 'representative', eid: /Тарас Мельник/, realm: 'citizen', actForCompany: true, start: ['/cabinet', '/cabinet/representation'], follows: /^\/(cabinet|applications)(\/|$)/ },
  { name: 'officer', eid: /Оксана Лисенко/, realm: 'staff', start: ['/staff', '/office/cases'], follows: /^\/(staff|office)(\/|$)/ },
  { name: 'supervisor', eid: /Петро Бойко/, realm: 'staff', start: ['/staff', '/office/payments'], follows: /^\/(staff|office)(\/|$)/ },
  { name: 'administrator', eid: /Віктор Савченко/, realm: 'staff', start: ['/staff', '/admin/staff'], follows: /^\/(staff|admin)(\/|$)/ },
];

const MAX_PAGES = 40;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const NEVER = /(sign-out|\/documents\/|\/attachments\/|\.pdf$|\/dev\/)/;

/** Pages of one shape are visited once: ids and catalogue slugs fold, query parameter names stay. */
function shapeOf(url: URL): string {
  const path = url.pathname.replace(UUID, ':id').replace(/\/(services|agencies|events|centres)\/[^/]+/, '/$1/:slug');
  const keys = [...url.searchParams.keys()].sort().join('&');
  return `${path}?${keys}`;
}

/**
 * Each persona signs in once per run, and its crawls in both languages start from that session's
 * cookies (a crawl only reads: it follows links and never sends a form).
 */
const sessions = new Map<string, Promise<StorageState | undefined>>();
function sessionOf(ctx: E2eContext, persona: Persona): Promise<StorageState | undefined> {
  let session = sessions.get(persona.name);
  if (!session) {
    session = timed('crawl: sign-in', () => signedIn(ctx, persona));
    sessions.set(persona.name, session);
  }
  return session;
}

async function signedIn(ctx: E2eContext, persona: Persona): Promise<StorageState | undefined> {
  if (!persona.eid || !persona.realm) {
    return undefined;
  }
  const context = await ctx.browser.newContext({ baseURL: ctx.base });
  try {
    await signIn(context, ctx.base, persona);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

async function signIn(context: BrowserContext, base: string, persona: Persona): Promise<void> {
  if (!persona.eid || !persona.realm) {
    return;
  }
  const page = await context.newPage();
  try {
    await page.goto(`/uk/sign-in/state?realm=${persona.realm}`);
    await page.getByRole('button', { name: persona.eid }).click();
    await page.waitForURL((url) => url.origin === new URL(base).origin && !url.pathname.startsWith('/auth/'));
    if (persona.actForCompany) {
      await page.goto('/uk/cabinet/act-as');
      await page.locator('input[type="radio"]:not(:checked)').first().check();
      await page.locator('form[action$="/cabinet/act-as"] button[type="submit"]').first().click();
      await page.waitForLoadState('load');
    }
  } finally {
    await page.close();
  }
}

async function linksOf(page: Page): Promise<string[]> {
  return page.locator('a[href]:not([download])').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
}

async function inspect(page: Page, url: URL, name: string, failures: string[]): Promise<boolean> {
  // The page's HTML fetched with the context's cookies, then shown in place (test/e2e/browser.ts).
  const response = await timed('crawl: page load', () => page.context().request.get(url.href));
  const status = response.status();
  if (status >= 400) {
    failures.push(`${url.pathname}${url.search} answered ${status}`);
    return false;
  }
  const html = await response.text();
  await timed('crawl: page shown', () => showInPlace(page, response.url(), html));
  failures.push(...(await htmlErrors(html, url.pathname + url.search)));
  // axe first, at AUDIT_VIEWPORT as the journeys' audits (the context's, and where the last page's fit check left it):
  // a page they audited already is not audited again.
  failures.push(...(await axeViolations(page)).map((v) => `${url.pathname}: axe ${v}`));
  for (const width of WIDTHS) {
    const misfit = await checkFit(page, width, name, width !== 390 && (ALL_SCREENSHOTS || forReview(url)));
    if (misfit) {
      failures.push(misfit);
    }
  }
  return true;
}

/**
 * The crawled pages kept as screenshots for review even without E2E_SCREENSHOTS=all: home, search, a
 * service, the cabinet, a case, the mandates, the office queue, an office case and a verification.
 */
const REVIEW = [
  /^\/(uk|en)\/?$/, /^\/(uk|en)\/search$/, /^\/(uk|en)\/services\/[^/]+$/, /^\/(uk|en)\/cabinet$/,
  /^\/(uk|en)\/cabinet\/cases\/[0-9a-f-]{36}$/, /^\/(uk|en)\/cabinet\/mandates$/, /^\/(uk|en)\/office\/cases$/,
  /^\/(uk|en)\/office\/cases\/[0-9a-f-]{36}$/, /^\/(uk|en)\/verify\//,
];
const forReview = (url: URL) => REVIEW.some((r) => r.test(url.pathname));

async function crawl(ctx: E2eContext, persona: Persona, lang: 'uk' | 'en'): Promise<{ visited: number; failures: string[] }> {
  // Script on for the measurements and axe; the pages carry none (the journeys prove they work without it).
  const storageState = await sessionOf(ctx, persona);
  const context = await ctx.browser.newContext({ baseURL: ctx.base, bypassCSP: true, locale: lang === 'uk' ? 'uk-UA' : 'en-GB', viewport: AUDIT_VIEWPORT, ...(storageState ? { storageState } : {}) });
  const failures: string[] = [];
  const seen = new Set<string>();
  let visited = 0;
  try {
    const page = await context.newPage();
    const queue = persona.start.map((p) => new URL(`/${lang}${p}`, ctx.base));
    while (queue.length > 0 && visited < MAX_PAGES) {
      const url = queue.shift() as URL;
      const shape = shapeOf(url);
      if (seen.has(shape)) {
        continue;
      }
      seen.add(shape);
      if (!(await inspect(page, url, `${persona.name}-${slugOf(url.pathname + url.search)}`, failures))) {
        continue;
      }
      visited += 1;
      for (const href of await linksOf(page)) {
        const next = new URL(href);
        next.hash = '';
        const rest = next.pathname.slice(lang.length + 1);
        if (next.origin === url.origin && next.pathname.startsWith(`/${lang}/`) && persona.follows.test(rest) && !NEVER.test(next.pathname)) {
          queue.push(next);
        }
      }
    }
  } finally {
    await context.close();
  }
  return { visited, failures };
}

/** One check per persona and language. */
export function crawlChecks(): Check[] {
  return (['uk', 'en'] as const).flatMap((lang) =>
    PERSONAS.map((persona): Check => ({
      name: `${lang}: every page the ${persona.name} reaches fits 320, 390 and 1280 px, is valid HTML and axe clean`,
      run: async (ctx) => {
        const { visited, failures } = await crawl(ctx, persona, lang);
        if (visited === 0) {
          throw new Error('the crawl reached no page');
        }
        if (failures.length > 0) {
          throw new Error(`${failures.length} problem(s) on ${visited} page(s):\n${failures.slice(0, 40).join('\n')}`);
        }
        console.log(`  ${persona.name} (${lang}): ${visited} pages`);
      },
    })),
  );
}
