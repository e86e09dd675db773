/**
 * Every channel, one case — by post, in the browser, JavaScript off, axe on the pages, in both languages:
 * the post room registers a paper application (sender, address, date received, a scanned page) of a
 * person who has never used the portal, so their notices go by post; the office case page shows how
 * it came in; an officer grants it; the decision waits in the print queue as a letter to that address
 * with the sealed decision enclosed; the letter's PDF is read back and the letter is marked dispatched.
 */
import { execFileSync } from 'node:child_process';

import { CASE_NUMBER, OFFICER, PDF_SCAN, fillDate, kyivToday, loaded, signInAs } from './channels.steps.ts';
import type { Check } from './run.ts';

interface PostWords {
  readonly lang: 'uk' | 'en';
  /** Someone in the population register who has never signed in to the portal. */
  readonly nationalId: string;
  readonly sender: string;
  readonly address: readonly string[];
  readonly fileButton: string;
  readonly openCase: string;
  readonly filingTitle: string;
  readonly register: string;
  readonly startReview: string;
  readonly grant: string;
  readonly confirm: string;
  /** The decision notice's subject in the print queue. */
  readonly decisionSubject: (caseNumber: string) => string;
  /** Words of the letter and of the enclosed sealed decision. */
  readonly letterSays: readonly RegExp[];
  readonly markDispatched: string;
  readonly dispatched: (caseNumber: string) => string;
}

/** pdftotext's reading of a PDF (poppler-utils). */
function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
}

function postJourney(w: PostWords): Check {
  return {
    name: `${w.lang}: a paper application registered in the post room, granted, and its decision posted as a letter from the print queue, axe clean`,
    run: async (ctx) => {
      const clerkContext = await ctx.newContext();
      const officerContext = await ctx.newContext();
      try {
        const clerk = await signInAs(ctx, clerkContext, w.lang, /Микола Ткаченко/, 'staff');
        await clerk.goto(`/${w.lang}/office/assisted`);
        await loaded(clerk, clerk.locator('a[href*="channel=post"][href*="service=pension-certificate"]').click());
        await clerk.locator('#filter-nationalId').fill(w.nationalId);
        await clerk.locator('#filter-address').fill(w.address.join('\n'));
        await clerk.locator('#filter-sender').fill(w.sender);
        const today = kyivToday();
        await fillDate(clerk, 'receivedOn', today);
        await clerk.locator('input[name="statementType"][value="insurance-record"]').check();
        await clerk.locator('select[name="purpose"]').selectOption('subsidy');
        await clerk.locator('input[name="delivery"][value="post"]').check();
        await clerk.locator('#filter-postalAddress').fill(w.address.join('\n'));
        await clerk.locator('#filter-identityDocument').setInputFiles({ name: 'passport-copy.pdf', mimeType: 'application/pdf', buffer: PDF_SCAN });
        await clerk.locator('#filter-scans').setInputFiles({ name: 'letter-page-1.pdf', mimeType: 'application/pdf', buffer: PDF_SCAN });
        await clerk.locator('input[name="declaration"]').check();
        await ctx.auditLike(clerk, `channels-post-form-${w.lang}`);
        await loaded(clerk, clerk.getByRole('button', { name: w.fileButton }).click());
        const caseNumber = ((await clerk.locator('.govuk-panel strong').textContent()) ?? '').trim();
        if (!CASE_NUMBER.test(caseNumber)) {
          throw new Error(`registering the paper application led to ${clerk.url()} without a case number`);
        }
        await ctx.auditLike(clerk, `channels-post-filed-${w.lang}`);

        // The office case page shows how the paper came in: sender, address, date received, the scanned page.
        await loaded(clerk, clerk.getByRole('link', { name: w.openCase }).click());
        const filing = clerk.locator('section', { has: clerk.getByRole('heading', { name: w.filingTitle }) });
        await filing.getByText(w.sender).waitFor();
        await filing.getByText(w.address[0] ?? '').waitFor();
        await filing.locator(`time[datetime="${today.year}-${today.month.padStart(2, '0')}-${today.day.padStart(2, '0')}"]`).waitFor();
        await filing.getByRole('link', { name: /letter-page-1\.pdf/ }).waitFor();
        await ctx.auditLike(clerk, `channels-office-post-case-${w.lang}`);

        const desk = await signInAs(ctx, officerContext, w.lang, OFFICER, 'staff');
        await desk.goto(clerk.url());
        await loaded(desk, desk.getByRole('button', { name: w.register, exact: true }).click());
        await loaded(desk, desk.getByRole('button', { name: w.startReview, exact: true }).click());
        await loaded(desk, desk.getByRole('button', { name: w.grant, exact: true }).click());
        await loaded(desk, desk.getByRole('button', { name: w.confirm, exact: true }).click());

        // The notice fan-out runs in the outbox worker: the letter appears in the print queue shortly.
        const row = desk.locator('tbody tr', { hasText: w.decisionSubject(caseNumber) });
        for (let i = 0; i < 60 && (await row.count()) === 0; i += 1) {
          await new Promise((r) => setTimeout(r, 250));
          await desk.goto(`/${w.lang}/office/letters`);
        }
        await row.waitFor({ timeout: 1000 });
        await ctx.auditLike(desk, `channels-letters-${w.lang}`);
        const href = await row.locator('a[href$=".pdf"]').getAttribute('href');
        const letter = await officerContext.request.get(href ?? '');
        const pdf = Buffer.from(await letter.body());
        if (letter.status() !== 200 || pdf.subarray(0, 5).toString() !== '%PDF-') {
          throw new Error(`the letter's PDF answered ${letter.status()} ${letter.headers()['content-type']}`);
        }
        const text = pdfText(pdf).replace(/[ \t]+/g, ' ');
        const missing = [...w.address.map((line) => new RegExp(line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))), new RegExp(caseNumber), ...w.letterSays].filter((re) => !re.test(text));
        if (missing.length > 0) {
          throw new Error(`the letter's PDF lacks ${missing.join(', ')}:\n${text.slice(0, 1500)}`);
        }
        await loaded(desk, row.getByRole('button', { name: new RegExp(w.markDispatched) }).click());
        await desk.getByText(w.dispatched(caseNumber)).waitFor();
        if ((await desk.locator('tbody tr', { hasText: w.decisionSubject(caseNumber) }).count()) !== 0) {
          throw new Error('the dispatched letter is still in the print queue');
        }
        await ctx.auditLike(desk, `channels-letter-dispatched-${w.lang}`);
      } finally {
        await clerkContext.close();
        await officerContext.close();
      }
    },
  };
}

export function postJourneys(): Check[] {
  return [
    postJourney({
      lang: 'uk', nationalId: '9000000102', sender: 'Олег Шевченко', address: ['вул. Садова, 12, кв. 3', '10014 Зореград'],
      fileButton: 'Подати заяву', openCase: 'Відкрити справу', filingTitle: 'Як подано заяву', register: 'Зареєструвати заяву', startReview: 'Почати розгляд',
      grant: 'Надати послугу', confirm: 'Підтвердити й видати', decisionSubject: (n) => `Справа ${n}: рішення позитивне`,
      letterSays: [/рішення позитивне/, /Рішення про надання адміністративної послуги/, /Заявник Олег Шевченко/], markDispatched: 'Позначити надісланим', dispatched: (n) => `Лист у справі ${n} позначено надісланим.`,
    }),
    postJourney({
      lang: 'en', nationalId: '9000000134', sender: 'Larysa Moroz', address: ['9 Lypova Street, flat 4', '10015 Zorehrad'],
      fileButton: 'File the application', openCase: 'Open the case', filingTitle: 'How the application was filed', register: 'Register the application', startReview: 'Start the review',
      grant: 'Grant', confirm: 'Confirm and issue', decisionSubject: (n) => `Case ${n}: granted`,
      letterSays: [/granted/, /Decision to grant the administrative service/, /Applicant Лариса Мороз/], markDispatched: 'Mark dispatched', dispatched: (n) => `The letter about case ${n} is marked dispatched.`,
    }),
  ];
}
