import type { Page } from 'playwright-core';

import type { E2eContext } from './run.ts';

export interface OfficeWords {
  readonly persona: RegExp;
  readonly register: string;
  readonly startReview: string;
  readonly requestInformation: string;
  readonly question: string;
  readonly grant: string;
  readonly grantReasons: string;
  readonly confirm: string;
}

/** The officer opens the case from the agency's queue, registers it, starts the review and asks the applicant a question. */
export async function officerRequestsInformation(ctx: E2eContext, page: Page, lang: string, w: OfficeWords, caseNumber: string, question: string): Promise<void> {
  await page.goto(`/${lang}/office/cases`);
  await ctx.auditLike(page);
  await page.getByRole('link', { name: caseNumber }).first().click();
  await ctx.auditLike(page);
  await page.getByRole('button', { name: w.register, exact: true }).click();
  await page.getByRole('button', { name: w.startReview, exact: true }).click();
  await page.getByLabel(w.question).fill(question);
  await ctx.auditLike(page);
  await page.getByRole('button', { name: w.requestInformation, exact: true }).click();
  await page.getByText(question).first().waitFor();
  await ctx.auditLike(page);
}

/** The officer opens the case again (the applicant has answered), grants it with reasons, checks the draft and confirms. */
export async function officerDecides(ctx: E2eContext, page: Page, lang: string, w: OfficeWords, caseNumber: string): Promise<void> {
  await page.goto(`/${lang}/office/cases`);
  await page.getByRole('link', { name: caseNumber }).first().click();
  await page.getByLabel(w.grantReasons).fill(lang === 'uk' ? 'Документи повні, підстав для відмови немає.' : 'The documents are complete; there is no ground for refusal.');
  await ctx.auditLike(page);
  await page.getByRole('button', { name: w.grant, exact: true }).click();
  // The confirmation shows the draft decision; only "Confirm and issue" issues it.
  await page.getByText(caseNumber).first().waitFor();
  await ctx.auditLike(page, `passport-decision-confirmation-${lang}`);
  await page.getByRole('button', { name: w.confirm, exact: true }).click();
  await page.getByRole('link', { name: /PDF|D1/ }).first().waitFor();
  await ctx.auditLike(page);
}
