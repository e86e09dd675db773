/** Steps the channel journeys share: signing in, waiting for a page after a click, a day in the boxes of a date input. */
import type { BrowserContext, Page } from 'playwright-core';

import type { E2eContext } from './run.ts';

export const PDF_SCAN = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const CASE_NUMBER = /\b\d{4}-\d{6}\b/;

export async function signInAs(ctx: E2eContext, context: BrowserContext, lang: string, persona: RegExp, realm: 'citizen' | 'staff'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`/${lang}/sign-in/state?realm=${realm}`);
  await page.getByRole('button', { name: persona }).click();
  await page.waitForURL((url) => url.origin === new URL(ctx.base).origin && !url.pathname.startsWith('/auth/'));
  return page;
}

export async function loaded(page: Page, click: Promise<void>): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), click]);
}

/** Today in Kyiv as day, month and year boxes. */
export function kyivToday(): { day: string; month: string; year: string } {
  const [year = '', month = '', day = ''] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv' }).format(new Date()).split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

export async function fillDate(page: Page, name: string, d: { day: string; month: string; year: string }): Promise<void> {
  await page.locator(`#filter-${name}`).fill(d.day);
  await page.locator(`#filter-${name}-month`).fill(d.month);
  await page.locator(`#filter-${name}-year`).fill(d.year);
}

/** The decision maker of every agency with services online. */
export const OFFICER = /Оксана Лисенко/;
