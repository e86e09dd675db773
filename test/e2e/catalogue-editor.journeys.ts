/**
 * The agencies' catalogue editor in the browser, JavaScript off, axe, valid HTML and the fit at 320/390/1280 px on
 * every page, in both languages (ADR 0033): the State Migration Service's editor changes a service's term and fee
 * and saves a draft, sees its checks and the preview of the public page; the service's publisher, in a browser of
 * his own, finds the draft waiting, compares it with the current version, checks what will change and publishes;
 * the public page and the catalogue's JSON-LD carry the new term and fee, and the service's performance page shows
 * its chart with the data table beside it, counting the demo's past year of cases. Each language edits a service
 * of its own that no other check reads.
 */
import type { BrowserContext, Page } from 'playwright-core';

import { signInAs } from './channels.steps.ts';
import { htmlErrors } from './fit.ts';
import type { Check, E2eContext } from './run.ts';

interface EditorWords {
  readonly lang: 'uk' | 'en';
  /** The service this language's journey edits, the fee it changes, and the new term and fee. */
  readonly service: string;
  readonly fee: string;
  readonly days: number;
  readonly amount: number;
  readonly edit: string;
  readonly save: string;
  readonly saved: RegExp;
  readonly valid: RegExp;
  readonly authorCannot: RegExp;
  readonly preview: string;
  readonly previewBanner: RegExp;
  readonly compare: string;
  readonly publishReview: string;
  readonly publish: string;
  readonly published: RegExp;
  /** The term as the public page says it. */
  readonly term: (days: number) => RegExp;
  readonly performanceLink: string;
  readonly applicationsHeading: string;
}

const EDITOR = /Надія Романенко/;
const PUBLISHER = /Богдан Коваленко/;

const money = (lang: 'uk' | 'en', amount: number) =>
  new Intl.NumberFormat(lang === 'uk' ? 'uk-UA' : 'en-GB', { style: 'currency', currency: 'UAH' }).format(amount);

/** axe, the fit at every width (auditLike) and the served HTML's conformance; `shot` keeps the page's screenshots for review. */
async function check(ctx: E2eContext, page: Page, shot?: string): Promise<void> {
  await ctx.auditLike(page, shot);
  const url = new URL(page.url());
  const served = await page.context().request.get(url.pathname + url.search);
  const errors = await htmlErrors(await served.text(), url.pathname + url.search);
  if (errors.length > 0) {
    throw new Error(`invalid HTML:\n  ${errors.join('\n  ')}`);
  }
}

/** The changed fields of the comparison table on the page: pointer → [before, after]. */
async function diffOf(page: Page): Promise<Map<string, [string, string]>> {
  const rows = await page.locator('#catalogue-diff tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').trim())));
  return new Map(rows.map((r) => [r[0] ?? '', [r[1] ?? '', r[2] ?? '']]));
}

function expectChanges(changes: Map<string, [string, string]>, w: EditorWords, before: { days: number; amount: number }, where: string): void {
  const days = changes.get('/deadline/days');
  const amount = changes.get('/costs/0/amount');
  if (days?.[0] !== String(before.days) || days[1] !== String(w.days) || amount?.[0] !== String(before.amount) || amount[1] !== String(w.amount)) {
    throw new Error(`${where} shows ${JSON.stringify([...changes])}, expected the term ${before.days} → ${w.days} and the fee ${before.amount} → ${w.amount}`);
  }
}

/** The service's record in the catalogue's JSON-LD: its term in days and the changed fee's amount. */
async function jsonLdOf(base: string, w: EditorWords): Promise<{ days: unknown; amount: unknown }> {
  const doc = (await (await fetch(`${base}/api/v1/catalogue.jsonld`)).json()) as { '@graph': Array<Record<string, unknown>> };
  const service = doc['@graph'].find((n) => String(n['@id']).endsWith(`/id/service/${w.service}`));
  const cost = doc['@graph'].find((n) => String(n['@id']).endsWith(`/id/service/${w.service}/cost/${w.fee}`));
  return { days: service?.['portico:termDays'], amount: (cost?.['cv:hasValue'] as { '@value'?: unknown } | undefined)?.['@value'] };
}

/** Step 1: the editor changes the term and the fee, saves a draft, reads its checks and previews the public page. */
async function editorDrafts(ctx: E2eContext, context: BrowserContext, w: EditorWords): Promise<{ draft: string; before: { days: number; amount: number } }> {
  const page = await signInAs(ctx, context, w.lang, EDITOR, 'staff');
  await page.goto(`/${w.lang}/office/catalogue`);
  await check(ctx, page);
  await page.locator(`#catalogue-services a[href="/${w.lang}/office/catalogue/${w.service}"]`).click();
  await page.waitForURL(new RegExp(`/office/catalogue/${w.service}$`));
  await check(ctx, page);
  await page.getByRole('link', { name: w.edit, exact: true }).click();
  await page.waitForURL(/\/edit$/);
  const before = { days: Number(await page.locator('[name="deadlineDays"]').inputValue()), amount: Number(await page.locator('[name="cost-0-amount"]').inputValue()) };
  await page.locator('[name="deadlineDays"]').fill(String(w.days));
  await page.locator('[name="cost-0-amount"]').fill(String(w.amount));
  await check(ctx, page, `catalogue-editor-edit-${w.lang}`);
  await page.getByRole('button', { name: w.save, exact: true }).click();
  await page.waitForURL(/\/drafts\/\d+\?saved=1$/);
  const draft = /\/drafts\/(\d+)\?/.exec(page.url())?.[1] ?? '';
  await page.getByText(w.saved).first().waitFor();
  await page.getByText(w.valid).first().waitFor();
  await page.getByText(w.authorCannot).first().waitFor();
  await check(ctx, page, `catalogue-editor-draft-${w.lang}`);
  // Four eyes: the author is refused the step before publishing, and publishing itself.
  const refused = await ctx.visit(context, `/${w.lang}/office/catalogue/${w.service}/drafts/${draft}/publish`, 403);
  await refused.close();
  await page.getByRole('link', { name: w.preview, exact: true }).click();
  await page.waitForURL(/\/preview$/);
  await page.getByText(w.previewBanner).first().waitFor();
  await page.getByText(w.term(w.days)).first().waitFor();
  await page.getByText(money(w.lang, w.amount)).first().waitFor();
  await check(ctx, page, `catalogue-editor-preview-${w.lang}`);
  return { draft, before };
}

/** Step 2: the publisher finds the draft waiting, compares it, checks what changes and publishes. */
async function publisherPublishes(ctx: E2eContext, context: BrowserContext, w: EditorWords, draft: string, before: { days: number; amount: number }): Promise<void> {
  const page = await signInAs(ctx, context, w.lang, PUBLISHER, 'staff');
  await page.goto(`/${w.lang}/office/catalogue`);
  const row = page.locator('#catalogue-services tr', { has: page.locator(`a[href="/${w.lang}/office/catalogue/${w.service}"]`) });
  const waiting = (await row.locator('td').last().innerText()).trim();
  if (waiting !== '1') {
    throw new Error(`the list shows ${waiting} draft(s) waiting for ${w.service}, expected 1`);
  }
  await row.locator('a').click();
  await page.waitForURL(new RegExp(`/office/catalogue/${w.service}$`));
  await page.locator(`#catalogue-drafts a[href$="/drafts/${draft}"]`).click();
  await page.waitForURL(new RegExp(`/drafts/${draft}$`));
  await check(ctx, page);
  await page.getByRole('link', { name: w.compare, exact: true }).click();
  await page.waitForURL(/\/compare\?/);
  expectChanges(await diffOf(page), w, before, 'the comparison');
  await check(ctx, page, `catalogue-editor-compare-${w.lang}`);
  await page.goBack();
  await page.getByRole('link', { name: w.publishReview, exact: true }).click();
  await page.waitForURL(new RegExp(`/drafts/${draft}/publish$`));
  expectChanges(await diffOf(page), w, before, 'the confirmation');
  await check(ctx, page, `catalogue-editor-publish-confirm-${w.lang}`);
  await page.getByRole('button', { name: w.publish, exact: true }).click();
  await page.waitForURL(/\?published=\d+$/);
  await page.locator('.govuk-notification-banner--success').getByText(w.published).waitFor();
  await check(ctx, page, `catalogue-editor-published-${w.lang}`);
}

/** Steps 3 and 4: the public page, the JSON-LD, and the service's performance page, signed in as nobody. */
async function publicSees(ctx: E2eContext, context: BrowserContext, w: EditorWords): Promise<void> {
  const page = await ctx.visit(context, `/${w.lang}/services/${w.service}`, 200);
  await page.getByText(w.term(w.days)).first().waitFor();
  await page.getByText(money(w.lang, w.amount)).first().waitFor();
  await check(ctx, page, `catalogue-editor-public-${w.lang}`);
  const ld = await jsonLdOf(ctx.base, w);
  if (ld.days !== w.days || ld.amount !== w.amount) {
    throw new Error(`the JSON-LD gives the term ${String(ld.days)} and the fee ${String(ld.amount)}, expected ${w.days} and ${w.amount}`);
  }
  await page.getByRole('link', { name: w.performanceLink, exact: true }).click();
  await page.waitForURL(new RegExp(`/performance/services/${w.service}$`));
  await page.getByRole('heading', { level: 2, name: w.applicationsHeading }).waitFor();
  // The service's own figures, under its statutory term as just published.
  await page.getByText(w.term(w.days)).first().waitFor();
  // The chart is described by the table of its figures, right after it.
  if ((await page.locator('figure.app-chart:has(svg[aria-describedby="table-applications"]) + .app-table-scroll #table-applications').count()) !== 1) {
    throw new Error('the applications chart has no data table beside it');
  }
  // Figures from the demo's past year of cases: the twelve months' total (the last row's last cell) is a
  // count, not suppressed (at least five) and not empty.
  const total = (await page.locator('#table-applications tbody tr').last().locator('td').last().innerText()).trim();
  if (!/^\d+$/.test(total) || Number(total) < 5) {
    throw new Error(`the applications table's total is "${total}", not a count of the demo's cases`);
  }
  await check(ctx, page, `catalogue-editor-performance-${w.lang}`);
}

function editorJourney(w: EditorWords): Check {
  return {
    name: `${w.lang}: catalogue editor: an agency's editor changes a service's term and fee as a draft, another editor compares and publishes it, the public page and the JSON-LD change, axe clean`,
    run: async (ctx) => {
      const editor = await ctx.newContext();
      const publisher = await ctx.newContext();
      const visitor = await ctx.newContext();
      try {
        const { draft, before } = await editorDrafts(ctx, editor, w);
        // Not published yet: the public page keeps the old term.
        const stillOld = await ctx.visit(visitor, `/${w.lang}/services/${w.service}`, 200);
        if ((await stillOld.getByText(w.term(w.days)).count()) !== 0) {
          throw new Error('the public page shows the draft before it is published');
        }
        await stillOld.close();
        await publisherPublishes(ctx, publisher, w, draft, before);
        await publicSees(ctx, visitor, w);
      } finally {
        await editor.close();
        await publisher.close();
        await visitor.close();
      }
    },
  };
}

export function catalogueEditorJourneys(): Check[] {
  return [
    editorJourney({
      lang: 'uk', service: 'temporary-residence-permit', fee: 'standard-term', days: 25, amount: 1750.5,
      edit: 'Редагувати послугу', save: 'Зберегти чернетку', saved: /Чернетку \d+ збережено/, valid: /Чернетка відповідає схемі каталогу/,
      authorCannot: /Ви автор цієї чернетки/, preview: 'Переглянути публічну сторінку', previewBanner: /Попередній перегляд чернетки/,
      compare: 'Порівняти з чинною версією', publishReview: 'Переглянути зміни й опублікувати', publish: 'Опублікувати', published: /Чернетку \d+ опубліковано як версію \d+/,
      term: (days) => new RegExp(`${days} робоч`), performanceLink: 'Показники надання', applicationsHeading: 'Заяви',
    }),
    editorJourney({
      lang: 'en', service: 'id-card-passport', fee: 'standard-term', days: 14, amount: 420,
      edit: 'Edit the service', save: 'Save as a draft', saved: /Draft \d+ saved/, valid: /The draft passes the catalogue/,
      authorCannot: /You wrote this draft/, preview: 'Preview the public page', previewBanner: /Preview of draft/,
      compare: 'Compare with the current version', publishReview: 'Check the changes and publish', publish: 'Publish', published: /Draft \d+ published as version \d+/,
      term: (days) => new RegExp(`${days} working days`), performanceLink: 'How this service performs', applicationsHeading: 'Applications',
    }),
  ];
}
