/**
 * Applications and cases in the browser, with JavaScript off and axe on every page:
 * - a person applies for a paid service with an attachment, pays through the simulator, sees the due
 *   date; an officer asks for information; the person answers; the officer grants; the person
 *   downloads the decision and its QR link verifies it;
 * - a director, acting for the company, applies for a business service and follows the case.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { BrowserContext, Page } from 'playwright-core';

import type { Check, E2eContext } from './run.ts';
import { readyAndHandedOver } from './front-desk.steps.ts';
import { type OfficeWords, officerDecides, officerRequestsInformation } from './office.steps.ts';

export interface CaseWords {
  readonly lang: 'uk' | 'en';
  readonly persona: RegExp;
  readonly applyOnline: string;
  readonly start: string;
  readonly continue: string;
  readonly upload: string;
  readonly declarationLabel: RegExp;
  readonly submitAndPay: string;
  readonly submit: string;
  readonly goPay: string;
  readonly payButton: RegExp;
  readonly simulatorPay: string;
  readonly paidState: RegExp;
  readonly dueLabel: RegExp;
  readonly answerLabel: string;
  readonly sendAnswer: string;
  readonly grantedDoc: RegExp;
  /** The QR code's short link opens the verification page in the state language, whatever the applicant's. */
  readonly verifyValid: string;
  readonly myApplications: string;
  readonly office: OfficeWords;
}

const PDF_SCAN = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Signs in through the embedded State eID as the persona; waits for the portal's page after the callback. */
async function signInAs(ctx: E2eContext, context: BrowserContext, lang: string, persona: RegExp, realm: 'citizen' | 'staff'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`/${lang}/sign-in/state?realm=${realm}`);
  await page.getByRole('button', { name: persona }).click();
  await page.waitForURL((url) => url.origin === new URL(ctx.base).origin && !url.pathname.startsWith('/auth/'));
  return page;
}

/** Continues a form page and waits for the next one to load. */
async function next(page: Page, w: CaseWords): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: w.continue }).click()]);
}

async function applyForPassport(ctx: E2eContext, page: Page, w: CaseWords): Promise<string> {
  await page.goto(`/${w.lang}/services/international-passport`);
  await page.getByRole('link', { name: w.applyOnline }).first().click();
  await ctx.auditLike(page);
  await page.getByRole('button', { name: w.start }).click();
  await page.waitForURL(/\/pages\/about-you$/);
  await ctx.auditLike(page);
  await next(page, w);
  await page.locator('#filter-email').fill(`${w.lang}.applicant@example.org`);
  await ctx.auditLike(page);
  await next(page, w);
  await page.locator('#filter-purpose').check();
  await ctx.auditLike(page, `passport-question-${w.lang}`);
  await next(page, w);
  await page.locator('#filter-identityDocument').setInputFiles({ name: 'passport-scan.pdf', mimeType: 'application/pdf', buffer: PDF_SCAN });
  await page.getByRole('button', { name: w.upload }).first().click();
  await page.getByText('passport-scan.pdf').first().waitFor();
  await ctx.auditLike(page);
  await next(page, w);
  await page.locator('#filter-collectionCentre').selectOption('zorehrad-migration-office');
  await next(page, w);
  await page.waitForURL(/\/check$/);
  await ctx.auditLike(page, `passport-check-${w.lang}`);
  await page.getByLabel(w.declarationLabel).check();
  await page.getByRole('button', { name: w.submitAndPay }).click();
  await page.waitForURL(/\/receipt$/);
  await ctx.auditLike(page, `passport-receipt-${w.lang}`);
  const caseUrl = page.url().replace(/\/receipt$/, '');
  await page.getByRole('link', { name: w.goPay }).click();
  await ctx.auditLike(page);
  await page.getByRole('button', { name: w.payButton }).click();
  await page.getByRole('button', { name: w.simulatorPay, exact: true }).waitFor();
  await ctx.auditLike(page);
  await page.getByRole('button', { name: w.simulatorPay, exact: true }).click();
  await page.waitForURL((url) => url.href.startsWith(caseUrl));
  return caseUrl;
}

/** Reloads until the text shows (the payment callback and background jobs are asynchronous). */
async function reloadUntil(page: Page, text: RegExp, tries = 40): Promise<void> {
  for (let i = 0; i < tries; i += 1) {
    if ((await page.getByText(text).count()) > 0) {
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
    await page.reload();
  }
  throw new Error(`"${String(text)}" never appeared on ${page.url()}`);
}

/** The URL in the decision's QR code, read from the PDF (pdftoppm renders it, zbarimg decodes it). */
function qrUrlOf(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'portico-qr-'));
  writeFileSync(join(dir, 'decision.pdf'), pdf);
  execFileSync('pdftoppm', ['-png', '-r', '150', join(dir, 'decision.pdf'), join(dir, 'page')]);
  const pages = execFileSync('sh', ['-c', `ls ${join(dir, 'page')}*.png`]).toString().trim().split('\n');
  for (const png of pages.reverse()) {
    const out = execFileSync('zbarimg', ['--quiet', '--raw', png], { encoding: 'utf8' }).trim();
    if (out !== '') {
      return out;
    }
  }
  throw new Error('no QR code found in the decision PDF');
}

export function passportJourney(w: CaseWords): Check {
  return {
    name: `${w.lang}: a person applies for a passport with a scan, pays, answers the officer's question, gets a granted decision whose QR code verifies and collects the passport at the centre, axe clean`,
    run: async (ctx) => {
      const person = await ctx.newContext();
      const officer = await ctx.newContext();
      try {
        const page = await signInAs(ctx, person, w.lang, w.persona, 'citizen');
        const caseUrl = await applyForPassport(ctx, page, w);
        await reloadUntil(page, w.paidState);
        await page.getByText(w.dueLabel).first().waitFor();
        await ctx.auditLike(page);
        const caseNumber = /\d{4}-\d{6}/.exec(await page.locator('h1').innerText())?.[0] ?? '';
        const desk = await signInAs(ctx, officer, w.lang, w.office.persona, 'staff');
        await officerRequestsInformation(ctx, desk, w.lang, w.office, caseNumber, 'Please confirm the spelling of your name in Latin letters.');
        await page.goto(caseUrl);
        await page.getByLabel(w.answerLabel).fill('KOVAL OLENA — as in my ID card.');
        await ctx.auditLike(page);
        await page.getByRole('button', { name: w.sendAnswer }).click();
        await page.waitForURL(caseUrl);
        await officerDecides(ctx, desk, w.lang, w.office, caseNumber);
        await readyAndHandedOver(ctx, desk, w.lang, caseNumber);
        await page.goto(caseUrl);
        await ctx.auditLike(page);
        const link = page.getByRole('link', { name: w.grantedDoc }).first();
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        const pdf = Buffer.from(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks as Buffer[])));
        if (pdf.subarray(0, 5).toString() !== '%PDF-') {
          throw new Error('the decision is not a PDF');
        }
        const qr = new URL(qrUrlOf(pdf));
        const verify = await ctx.visit(person, `${qr.pathname}${qr.search}`, 200);
        await verify.getByText(w.verifyValid).waitFor();
        await ctx.auditLike(verify);
      } finally {
        await person.close();
        await officer.close();
      }
    },
  };
}

export interface CompanyWords {
  readonly lang: 'uk' | 'en';
  readonly persona: RegExp;
  readonly company: RegExp;
  readonly actAsButton: string;
  readonly applyOnline: string;
  readonly start: string;
  readonly continue: string;
  readonly voluntary: string;
  readonly general: string;
  readonly no: string;
  readonly declarationLabel: RegExp;
  readonly submit: string;
  readonly follow: string;
  readonly myApplications: string;
  readonly companyName: RegExp;
}

/** A director, acting for the company, applies for VAT registration and finds the case under the company's applications. */
export function companyJourney(w: CompanyWords): Check {
  return {
    name: `${w.lang}: a director acting for the company applies for VAT registration and follows the case, axe clean`,
    run: async (ctx) => {
      const context = await ctx.newContext();
      try {
        const page = await signInAs(ctx, context, w.lang, w.persona, 'citizen');
        await page.goto(`/${w.lang}/cabinet/act-as`);
        await page.getByRole('radio', { name: w.company }).check();
        await ctx.auditLike(page);
        await page.getByRole('button', { name: w.actAsButton }).click();
        await page.goto(`/${w.lang}/services/vat-registration`);
        await page.getByRole('link', { name: w.applyOnline }).first().click();
        await page.getByRole('button', { name: w.start }).click();
        await page.waitForURL(/\/pages\/business$/);
        // The company's code comes from the register: shown, not asked.
        if ((await page.locator('#filter-businessCode').textContent()) !== '40000001') {
          throw new Error('the company code was not shown from the register');
        }
        await ctx.auditLike(page);
        await page.getByRole('button', { name: w.continue }).click();
        await page.locator('#filter-repPosition').fill(w.lang === 'uk' ? 'Директор' : 'Director');
        await page.locator('#filter-repEmail').fill(`${w.lang}.director@example.org`);
        await page.locator('#filter-repPhone').fill('+380441234567');
        await ctx.auditLike(page);
        await page.getByRole('button', { name: w.continue }).click();
        await page.getByRole('radio', { name: w.voluntary }).check();
        await page.getByRole('button', { name: w.continue }).click();
        // The question this answer reveals comes on a page of its own, with day, month and year boxes.
        await page.waitForURL(/\/pages\/reason\/follow-up\/registrationReason$/);
        await page.locator('#filter-desiredDate').fill('1');
        await page.locator('#filter-desiredDate-month').fill('1');
        await page.locator('#filter-desiredDate-year').fill('2027');
        await ctx.auditLike(page);
        await page.getByRole('button', { name: w.continue }).click();
        await page.getByRole('radio', { name: w.general }).check();
        await page.locator('#filter-mainActivity').fill('47.11');
        await page.getByRole('radio', { name: w.no, exact: true }).check();
        await page.getByRole('button', { name: w.continue }).click();
        await page.waitForURL(/\/check$/);
        await ctx.auditLike(page);
        await page.getByLabel(w.declarationLabel).check();
        await page.getByRole('button', { name: w.submit }).click();
        await page.waitForURL(/\/receipt$/);
        await ctx.auditLike(page);
        await page.getByRole('link', { name: w.follow }).click();
        await page.getByText(w.companyName).first().waitFor();
        await ctx.auditLike(page);
        await page.goto(`/${w.lang}/cabinet/applications`);
        await page.getByText(/\d{4}-\d{6}/).first().waitFor();
        await ctx.auditLike(page);
      } finally {
        await context.close();
      }
    },
  };
}

const OFFICE_UK = {
  persona: /Оксана Лисенко/, register: 'Зареєструвати заяву', startReview: 'Почати розгляд', requestInformation: 'Запитати інформацію в заявника',
  question: 'Що потрібно від заявника', grant: 'Надати послугу', grantReasons: 'Обґрунтування рішення (необов’язково)', confirm: 'Підтвердити й видати',
};
const OFFICE_EN = {
  persona: /Оксана Лисенко/, register: 'Register the application', startReview: 'Start the review', requestInformation: 'Request information from the applicant',
  question: 'What the applicant needs to provide', grant: 'Grant', grantReasons: 'Reasons for the decision (optional)', confirm: 'Confirm and issue',
};

export function casesJourneys(): Check[] {
  return [
    passportJourney({
      lang: 'uk', persona: /Олена Коваль/, applyOnline: 'Подати заяву онлайн', start: 'Почати', continue: 'Зберегти й продовжити', upload: 'Завантажити файл',
      declarationLabel: /Я підтверджую/, submitAndPay: 'Подати заяву й перейти до оплати', submit: 'Подати заяву', goPay: 'Перейти до оплати',
      payButton: /^Сплатити/, simulatorPay: 'Сплатити', paidState: /Орган влади розглядає вашу заяву/, dueLabel: /рішення — до \d{1,2} [а-яіїєґ]+ \d{4}\./, answerLabel: 'Ваша відповідь',
      sendAnswer: 'Надіслати відповідь', grantedDoc: /Рішення про надання послуги/, verifyValid: 'Документ справжній і чинний.', myApplications: 'Мої заяви', office: OFFICE_UK,
    }),
    passportJourney({
      lang: 'en', persona: /Андрій Шевченко/, applyOnline: 'Apply online', start: 'Start now', continue: 'Save and continue', upload: 'Upload file',
      declarationLabel: /I confirm/, submitAndPay: 'Submit and go on to pay', submit: 'Submit application', goPay: 'Go on to pay',
      payButton: /^Pay UAH/, simulatorPay: 'Pay', paidState: /The agency is considering your application/, dueLabel: /decision due by \d{1,2} [A-Z][a-z]+ \d{4}\./, answerLabel: 'Your answer',
      sendAnswer: 'Send your answer', grantedDoc: /Decision to grant the service/, verifyValid: 'Документ справжній і чинний.', myApplications: 'My applications', office: OFFICE_EN,
    }),
    companyJourney({
      lang: 'uk', persona: /Тарас Мельник/, company: /Зоряна пекарня/, actAsButton: 'Діяти від імені обраної особи', applyOnline: 'Подати заяву онлайн', start: 'Почати',
      continue: 'Зберегти й продовжити', voluntary: 'Добровільна', general: 'Загальна система', no: 'Ні', declarationLabel: /підтверджую/, submit: 'Подати заяву',
      follow: 'Стежити за справою', myApplications: 'Мої заяви', companyName: /Зоряна пекарня/,
    }),
    companyJourney({
      lang: 'en', persona: /Тарас Мельник/, company: /Zoriana Bakery|Зоряна пекарня/, actAsButton: 'Act for the chosen party', applyOnline: 'Apply online', start: 'Start now',
      continue: 'Save and continue', voluntary: 'Voluntary', general: 'General regime', no: 'No', declarationLabel: /confirm/, submit: 'Submit application',
      follow: 'Follow your case', myApplications: 'My applications', companyName: /Zoriana Bakery|Зоряна пекарня/,
    }),
  ];
}
