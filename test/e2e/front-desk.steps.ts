/**
 * The front desk's pages in the browser, with JavaScript off and axe on every page, screenshots at 320
 * and 1280 px in both languages: a result marked ready from the office case page and handed over at the
 * centre's desk (the list, the handover form, its errors, the handover), the desk's appeal intake and
 * the visits of a person at the desk. Every page must fit without horizontal scrolling.
 */
import type { BrowserContext, Page } from 'playwright-core';

import { loaded, signInAs } from './channels.steps.ts';
import type { Check, E2eContext } from './run.ts';

const CENTRE = 'zorehrad-cnap-central';
const DESK = /Юлія Марченко/;
/** Olena Koval's national ID (the demo persona). */
const OLENA_NATIONAL_ID = '9000000011';

const submit = (page: Page, form: string) => loaded(page, page.locator(`${form} button[type="submit"], ${form} button:not([type])`).first().click());

/** The front desk of the Zorehrad centre, signed in, in a context of its own. */
async function deskOf(ctx: E2eContext, lang: string): Promise<{ context: BrowserContext; desk: Page }> {
  const context = await ctx.newContext();
  return { context, desk: await signInAs(ctx, context, lang, DESK, 'staff') };
}

/**
 * From the office case page of a granted case (`officer` shows it): marks the result ready at the
 * Zorehrad centre; the front desk there finds it, opens the handover form, sends it empty (the errors),
 * then hands it over to the applicant.
 */
export async function readyAndHandedOver(ctx: E2eContext, officer: Page, lang: string, caseNumber: string): Promise<void> {
  await officer.locator('select[name="centre"]').selectOption(CENTRE);
  await submit(officer, 'form:has(select[name="centre"])');
  await officer.locator('#collection-title').waitFor();
  await ctx.auditLike(officer, `collection-office-ready-${lang}`);
  const { context, desk } = await deskOf(ctx, lang);
  try {
    await desk.goto(`/${lang}/office/collections?q=${encodeURIComponent(caseNumber)}`);
    await ctx.auditLike(desk, `collection-desk-list-${lang}`);
    await loaded(desk, desk.getByRole('link', { name: caseNumber }).first().click());
    await ctx.auditLike(desk, `collection-handover-${lang}`);
    await submit(desk, 'form[action$="/handover"]');
    await desk.locator('.govuk-error-summary').waitFor();
    await ctx.auditLike(desk, `collection-handover-errors-${lang}`);
    await desk.locator('input[name="recipient"][value="applicant"]').check();
    await desk.locator('select[name="idDocumentType"]').selectOption('id-card');
    await desk.locator('input[name="idDocumentNumber"]').fill('001234567');
    await submit(desk, 'form[action$="/handover"]');
    await desk.locator('.govuk-notification-banner').getByText(caseNumber).waitFor();
    await ctx.auditLike(desk, `collection-handed-over-${lang}`);
  } finally {
    await context.close();
  }
}

/** The desk's own pages that need no case: the results list (empty search, an unknown number), the appeal intake and a person's visits. */
function deskPagesJourney(lang: 'uk' | 'en'): Check {
  return {
    name: `${lang}: the front desk's collection list, appeal intake and visits pages fit at 320 and 1280 px, axe clean`,
    async run(ctx) {
      const { context, desk } = await deskOf(ctx, lang);
      try {
        await desk.goto(`/${lang}/office/collections`);
        await ctx.auditLike(desk, `collection-desk-${lang}`);
        await desk.locator('input[name="caseNumber"]').fill('2026-999999');
        await submit(desk, 'form[action$="/office/collections/ready"]');
        await desk.locator('.govuk-error-summary').waitFor();
        await ctx.auditLike(desk, `collection-desk-unknown-${lang}`);

        await desk.goto(`/${lang}/office/front-desk/appeal`);
        await ctx.auditLike(desk, `appeal-intake-desk-${lang}`);
        await submit(desk, 'form[action$="/front-desk/appeal"]');
        await desk.locator('.govuk-error-summary').waitFor();
        await ctx.auditLike(desk, `appeal-intake-desk-errors-${lang}`);

        await desk.goto(`/${lang}/office/front-desk/appointments`);
        await ctx.auditLike(desk, `visits-desk-${lang}`);
        await desk.locator('input[name="nationalId"]').fill(OLENA_NATIONAL_ID);
        await submit(desk, 'form:has(input[name="step"][value="find"])');
        await desk.locator('select[name="offer"]').waitFor();
        await ctx.auditLike(desk, `visits-desk-person-${lang}`);
      } finally {
        await context.close();
      }
    },
  };
}

export function frontDeskJourneys(): Check[] {
  return [deskPagesJourney('uk'), deskPagesJourney('en')];
}
