/**
 * A life event's bundle in the browser, with JavaScript off and axe on every page: a parent files the birth of a
 * child once (the form prefilled from the eID and the population register); four agencies' cases open, each with
 * the register's data; an officer decides each in the back office; the parent follows them on one page, finds the
 * bundle in "My applications" and each agency's query of the population register in "Who saw my data".
 */
import type { BrowserContext, Page } from 'playwright-core';

import type { Check, E2eContext } from './run.ts';

export interface BundleWords {
  readonly lang: 'uk' | 'en';
  readonly applyLink: string;
  readonly child: string;
  readonly mother: string;
  readonly declaration: RegExp;
  readonly submit: string;
  readonly errorSummary: string;
  readonly inProgress: string;
  readonly allDecided: string;
  readonly seeDecision: RegExp;
  readonly openAs: RegExp;
  readonly lifeEventsTitle: string;
  readonly populationRecord: RegExp;
  readonly office: {
    readonly register: string;
    readonly startReview: string;
    readonly grant: string;
    readonly grantReasons: string;
    readonly confirm: string;
  };
}

const PARENT = /Ірина Бондар|Iryna Bondar/;
const OFFICER = /Оксана Лисенко/;
const IBAN = `UA${'2'.repeat(27)}`;

/** Signs in through the embedded State eID as the persona; waits for the portal's page after the callback. */
async function signInAs(ctx: E2eContext, context: BrowserContext, lang: string, persona: RegExp, realm: 'citizen' | 'staff'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`/${lang}/sign-in/state?realm=${realm}`);
  await page.getByRole('button', { name: persona }).click();
  await page.waitForURL((url) => url.origin === new URL(ctx.base).origin && !url.pathname.startsWith('/auth/'));
  return page;
}

interface Part {
  readonly id: string;
  readonly number: string;
}

/** The bundle page's cases: each case's id (from its link in the cabinet) and number. */
async function partsOf(page: Page): Promise<Part[]> {
  const links = page.locator('table a[href*="/cabinet/cases/"]:not([href*="#"])');
  const parts: Part[] = [];
  for (const link of await links.all()) {
    const id = /\/cabinet\/cases\/([0-9a-f-]{36})$/.exec((await link.getAttribute('href')) ?? '')?.[1];
    if (id !== undefined) {
      parts.push({ id, number: (await link.innerText()).trim() });
    }
  }
  return parts;
}

/** The officer opens the case in the back office, registers it, starts the review, grants it with reasons and confirms. */
async function officerGrants(ctx: E2eContext, page: Page, w: BundleWords, part: Part, audit: boolean): Promise<void> {
  const o = w.office;
  await page.goto(`/${w.lang}/office/cases/${part.id}`);
  await page.getByText(part.number).first().waitFor();
  if (audit) {
    await ctx.auditLike(page);
  }
  await page.getByRole('button', { name: o.register, exact: true }).click();
  await page.getByRole('button', { name: o.startReview, exact: true }).click();
  await page.getByLabel(o.grantReasons).fill(w.lang === 'uk' ? 'Дитину зареєстровано в реєстрі населення, підстав для відмови немає.' : 'The child is in the population register; there is no ground for refusal.');
  await page.getByRole('button', { name: o.grant, exact: true }).click();
  await page.getByRole('button', { name: o.confirm, exact: true }).waitFor();
  await page.getByRole('button', { name: o.confirm, exact: true }).click();
  await page.getByRole('link', { name: /PDF|D1/ }).first().waitFor();
}

/** Every row of "Who saw my data", page after page (newest first, 25 a page). */
async function accessRows(page: Page, lang: string): Promise<string[]> {
  const rows: string[] = [];
  for (let n = 1; n <= 20; n += 1) {
    const response = await page.goto(`/${lang}/cabinet/data-access?page=${n}`);
    if (response?.status() !== 200) {
      throw new Error(`"Who saw my data" page ${n} answered ${response?.status()}`);
    }
    const here = await page.locator('tbody tr').allInnerTexts();
    rows.push(...here);
    if (here.length < 25) {
      break;
    }
  }
  return rows;
}

export function birthOfChildJourney(w: BundleWords): Check {
  return {
    name: `${w.lang}: a parent files the birth of a child once as a bundle; four agencies' cases open with the register's data, each is granted in the back office, the parent follows them on one page and sees each register query in "Who saw my data", axe clean`,
    run: async (ctx) => {
      const parent = await ctx.newContext();
      const officer = await ctx.newContext();
      try {
        const page = await signInAs(ctx, parent, w.lang, PARENT, 'citizen');
        await page.goto(`/${w.lang}/events/birth-of-child`);
        await page.getByRole('link', { name: w.applyLink }).click();
        await page.waitForURL(/\/events\/birth-of-child\/apply$/);
        // The child comes from the population register: shown, not asked.
        await page.getByText(w.child).first().waitFor();
        await page.getByText('9000000156').first().waitFor();
        if ((await page.locator('[name="childGivenName"]').count()) !== 0) {
          throw new Error('the child\'s name from the register is asked, not shown');
        }
        await ctx.auditLike(page, `bundle-apply-${w.lang}`);
        // A wrong IBAN: the same page again, with an error summary and nothing filed.
        await page.getByRole('radio', { name: w.mother, exact: true }).check();
        await page.locator('#filter-bankIban').fill('UA12');
        await page.getByRole('checkbox', { name: w.declaration }).check();
        await page.getByRole('button', { name: w.submit, exact: true }).click();
        await page.getByText(w.errorSummary).first().waitFor();
        await ctx.auditLike(page, `bundle-apply-error-${w.lang}`);
        await page.getByRole('radio', { name: w.mother, exact: true }).check();
        await page.locator('#filter-bankIban').fill(IBAN);
        await page.getByRole('checkbox', { name: w.declaration }).check();
        await page.getByRole('button', { name: w.submit, exact: true }).click();
        await page.waitForURL(/\/cabinet\/bundles\/[0-9a-f-]{36}$/);
        const bundleUrl = page.url();
        await page.getByText(w.inProgress).first().waitFor();
        // The cases are in the child's name: acting as herself, the parent opens one by switching to act for the child.
        const openAs = page.getByRole('button', { name: w.openAs });
        if ((await openAs.count()) !== 4) {
          throw new Error(`the bundle page offers ${await openAs.count()} "open as the child" buttons, expected 4`);
        }
        await ctx.auditLike(page, `bundle-page-self-${w.lang}`);
        await openAs.first().click();
        await page.waitForURL(/\/cabinet\/cases\/[0-9a-f-]{36}$/);
        await page.getByText(w.child).first().waitFor();
        await page.goto(bundleUrl);
        const parts = await partsOf(page);
        if (parts.length !== 4 || new Set(parts.map((p) => p.id)).size !== 4) {
          throw new Error(`the bundle shows ${parts.length} cases, expected 4 distinct`);
        }
        await ctx.auditLike(page, `bundle-page-${w.lang}`);

        const mine = await ctx.visit(parent, `/${w.lang}/cabinet/applications`, 200);
        await mine.getByText(w.lifeEventsTitle).first().waitFor();
        if ((await mine.locator(`a[href="${new URL(bundleUrl).pathname}"]`).count()) !== 1) {
          throw new Error('"My applications" does not list the bundle');
        }
        await ctx.auditLike(mine);
        await mine.close();

        const desk = await signInAs(ctx, officer, w.lang, OFFICER, 'staff');
        for (const [index, part] of parts.entries()) {
          await officerGrants(ctx, desk, w, part, index === 0);
        }

        await page.goto(bundleUrl);
        await page.getByText(w.allDecided).first().waitFor();
        const decided = await page.getByRole('link', { name: w.seeDecision }).count();
        if (decided !== 4) {
          throw new Error(`the bundle shows ${decided} decisions, expected 4`);
        }
        await ctx.auditLike(page, `bundle-decided-${w.lang}`);

        // Each agency's query of the population register for its case (a background job asks the registers).
        const numbers = parts.map((p) => p.number);
        let missing = numbers;
        for (let tries = 0; missing.length > 0; tries += 1) {
          if (tries >= 60) {
            throw new Error(`"Who saw my data" shows no population-register query for case(s) ${missing.join(', ')}`);
          }
          if (tries > 0) {
            await new Promise((r) => setTimeout(r, 500));
          }
          const rows = await accessRows(page, w.lang);
          missing = numbers.filter((n) => !rows.some((row) => row.includes(n) && w.populationRecord.test(row)));
        }
        await page.goto(`/${w.lang}/cabinet/data-access`);
        await ctx.auditLike(page);
      } finally {
        await parent.close();
        await officer.close();
      }
    },
  };
}

const OFFICE_UK = { register: 'Зареєструвати заяву', startReview: 'Почати розгляд', grant: 'Надати послугу', grantReasons: 'Обґрунтування рішення (необов’язково)', confirm: 'Підтвердити й видати' };
const OFFICE_EN = { register: 'Register the application', startReview: 'Start the review', grant: 'Grant', grantReasons: 'Reasons for the decision (optional)', confirm: 'Confirm and issue' };

export function bundleJourneys(): Check[] {
  return [
    birthOfChildJourney({
      lang: 'uk', applyLink: 'Подати одну заяву до всіх установ', child: 'Марко', mother: 'Мати', declaration: /Я підтверджую, що відомості правдиві/, submit: 'Подати заяву',
      errorSummary: 'Виправте помилки', inProgress: 'Розглядається', allDecided: 'Усе вирішено', seeDecision: /^Переглянути рішення/, openAs: /^Відкрити від імені/, lifeEventsTitle: 'Заяви в життєвих ситуаціях',
      populationRecord: /реєстрі населення/, office: OFFICE_UK,
    }),
    birthOfChildJourney({
      lang: 'en', applyLink: 'Send one application to every agency', child: 'Марко', mother: 'Mother', declaration: /I confirm the details are true/, submit: 'Send application',
      errorSummary: 'There is a problem', inProgress: 'In progress', allDecided: 'All decided', seeDecision: /^See the decision/, openAs: /^Open as/, lifeEventsTitle: 'Applications for life events',
      populationRecord: /population register/, office: OFFICE_EN,
    }),
  ];
}
