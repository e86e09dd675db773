/**
 * Every channel, one case — in the browser, JavaScript off, axe on the pages, in both languages:
 * a person files on the web, confirms a phone and asks the case's status by SMS (STATUS and its
 * Ukrainian alias); a number the portal does not know asks about the same case and learns nothing;
 * then the person calls the contact centre: the operator identifies them with a code sent to that
 * phone and files an application by phone with their consent; the person finds it among their
 * applications, its history saying a contact-centre operator filed it by phone; an officer of the
 * agency sees the operator and the consent on the case.
 * Pages other journeys audit already (the receipt, the contacts page, the phone page, the list of
 * applications) are not audited again: the e2e run has a time budget. The paper application by post:
 * post.journeys.ts.
 */
import type { Page } from 'playwright-core';

import { smsCode, textFrom } from './appointments.journeys.ts';
import { CASE_NUMBER, OFFICER, PDF_SCAN, fillDate, kyivToday, loaded, signInAs } from './channels.steps.ts';
import type { Check, E2eContext } from './run.ts';

/** The texts of the phone page's conversation with a number. */
async function conversation(page: Page, phone: string): Promise<string[]> {
  await page.goto(`/dev/sms/phone?number=${encodeURIComponent(phone)}`);
  return page.locator('li pre').allTextContents();
}

/** Waits for one more message matching `re` than there were (`before`) and answers its first group. */
async function nextMatch(page: Page, phone: string, re: RegExp, before: number): Promise<string> {
  for (let i = 0; i < 60; i += 1) {
    const found = (await conversation(page, phone)).map((t) => re.exec(t)?.[1]).filter((c) => c !== undefined);
    if (found.length > before) {
      return found.at(-1) ?? '';
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no new message matching ${re} reached ${phone}`);
}

interface PersonWords {
  readonly lang: 'uk' | 'en';
  readonly persona: RegExp;
  readonly name: string;
  readonly nationalId: string;
  readonly phone: string;
  /** A number no person confirmed. */
  readonly stranger: string;
  readonly applyOnline: string;
  readonly start: string;
  readonly continue: string;
  readonly upload: string;
  readonly declaration: RegExp;
  readonly submit: string;
  readonly neutral: RegExp;
  readonly byOperator: RegExp;
  readonly fileButton: string;
  readonly filingTitle: string;
  readonly consent: string;
  readonly operatorRole: RegExp;
}

/** The person files on the web (a pension statement) and answers the case number from the receipt. */
async function fileOnTheWeb(ctx: E2eContext, page: Page, w: PersonWords): Promise<string> {
  await page.goto(`/${w.lang}/services/pension-certificate`);
  await page.getByRole('link', { name: w.applyOnline }).first().click();
  await loaded(page, page.getByRole('button', { name: w.start }).click());
  await page.waitForURL(/\/pages\/about-you$/);
  await loaded(page, page.getByRole('button', { name: w.continue }).click());
  await page.locator('input[name="statementType"][value="insurance-record"]').check();
  await page.locator('select[name="purpose"]').selectOption('bank');
  await loaded(page, page.getByRole('button', { name: w.continue }).click());
  await page.locator('input[name="delivery"][value="online"]').check();
  await loaded(page, page.getByRole('button', { name: w.continue }).click());
  await page.locator('#filter-identityDocument').setInputFiles({ name: 'passport.pdf', mimeType: 'application/pdf', buffer: PDF_SCAN });
  await loaded(page, page.getByRole('button', { name: w.upload }).first().click());
  await page.getByText('passport.pdf').first().waitFor();
  await loaded(page, page.getByRole('button', { name: w.continue }).click());
  await page.waitForURL(/\/check$/);
  await page.getByLabel(w.declaration).check();
  await page.getByRole('button', { name: w.submit }).click();
  await page.waitForURL(/\/receipt$/);
  const number = CASE_NUMBER.exec(await page.locator('main').innerText())?.[0];
  if (number === undefined) {
    throw new Error('the receipt shows no case number');
  }
  return number;
}

async function confirmPhone(ctx: E2eContext, page: Page, w: PersonWords): Promise<void> {
  await page.goto(`/${w.lang}/cabinet/contacts`);
  await page.locator('#filter-phone').fill(w.phone);
  await loaded(page, page.locator('form', { has: page.locator('#filter-phone') }).getByRole('button').click());
  await page.locator('#filter-code-sms').fill(await smsCode(page, w.phone));
  await loaded(page, page.locator('form', { has: page.locator('#filter-code-sms') }).getByRole('button').click());
  await page.locator('#filter-code-sms').waitFor({ state: 'detached' });
}

/** STATUS and СТАТУС from the confirmed phone answer the case; the same question from a stranger's number reveals nothing. */
async function statusBySms(ctx: E2eContext, phonePage: Page, w: PersonWords, caseNumber: string): Promise<void> {
  await textFrom(phonePage, w.phone, `STATUS ${caseNumber}`, new RegExp(`^Case ${caseNumber} \\(.+\\): .+\\.`));
  await textFrom(phonePage, w.phone, `СТАТУС ${caseNumber}`, new RegExp(`^Справа ${caseNumber} \\(.+\\): .+\\.`));
  const keyword = w.lang === 'uk' ? 'СТАТУС' : 'STATUS';
  await textFrom(phonePage, w.stranger, `${keyword} ${caseNumber}`, w.neutral);
  const replies = (await conversation(phonePage, w.stranger)).filter((t) => !t.startsWith(keyword));
  const revealing = replies.filter((t) => t.includes(caseNumber) || /pension|пенсі/i.test(t));
  if (replies.length === 0 || revealing.length > 0) {
    throw new Error(`a number nobody confirmed was told about ${caseNumber}: ${JSON.stringify(replies)}`);
  }
}

/** The operator starts a call, identifies the caller with a code to their confirmed phone and files a police report by phone with their consent. */
async function fileByPhone(ctx: E2eContext, office: Page, phonePage: Page, w: PersonWords): Promise<string> {
  await office.goto(`/${w.lang}/office/calls`);
  await office.locator('#filter-phone').fill(w.phone);
  await loaded(office, office.locator('form', { has: office.locator('#filter-phone') }).getByRole('button').click());
  const codeSms = /Portico: (?:код|code) (\d{6})/;
  const before = (await conversation(phonePage, w.phone)).filter((t) => codeSms.test(t)).length;
  await office.locator('#filter-who').fill(w.nationalId);
  await loaded(office, office.locator('form', { has: office.locator('#filter-who') }).getByRole('button').click());
  await office.locator('#filter-code').fill(await nextMatch(phonePage, w.phone, codeSms, before));
  await loaded(office, office.locator('form', { has: office.locator('#filter-code') }).getByRole('button').click());
  await office.locator('#caller-actions').waitFor();
  await ctx.auditLike(office, `channels-call-identified-${w.lang}`);
  await loaded(office, office.locator('#caller-actions a').first().click());
  await loaded(office, office.locator('a[href*="channel=phone"][href*="service=police-report"]').click());
  await office.locator('#filter-nationalId').fill(w.nationalId);
  await office.locator('input[name="role"][value="victim"]').check();
  await office.locator('#filter-email').fill(`${w.lang}.caller@example.org`);
  await office.locator('#filter-phone').fill(w.phone);
  await office.locator('select[name="offenceType"]').selectOption('theft');
  await fillDate(office, 'incidentDate', kyivToday());
  await office.locator('#filter-incidentPlace').fill(w.lang === 'uk' ? 'Зореград, вул. Соборна, 1' : 'Zorehrad, 1 Soborna Street');
  await office.locator('#filter-description').fill(w.lang === 'uk' ? 'У тролейбусі витягли гаманець.' : 'My wallet was taken on the trolleybus.');
  await office.locator('#filter-stolenItems').fill(w.lang === 'uk' ? 'Гаманець, банківська картка' : 'A wallet and a bank card');
  await office.locator('input[name="suspectKnown"][value="no"]').check();
  // The only basis of a phone filing is the consent given on the phone: chosen already.
  if (!(await office.locator('input[name="basis"][value="phone-consent"]').isChecked())) {
    throw new Error('the phone filing does not offer the consent given on the phone');
  }
  await office.locator('input[name="declaration"]').check();
  await ctx.auditLike(office, `channels-phone-form-${w.lang}`);
  await loaded(office, office.getByRole('button', { name: w.fileButton }).click());
  const number = ((await office.locator('.govuk-panel strong').textContent()) ?? '').trim();
  if (!CASE_NUMBER.test(number)) {
    throw new Error(`filing by phone led to ${office.url()} without a case number`);
  }
  await ctx.auditLike(office, `channels-phone-filed-${w.lang}`);
  return number;
}

function personJourney(w: PersonWords): Check {
  return {
    name: `${w.lang}: a web application's status asked by SMS from the confirmed phone (a stranger's number learns nothing), then an application filed by phone by the contact centre and followed online, axe clean`,
    run: async (ctx) => {
      const person = await ctx.newContext();
      const operator = await ctx.newContext();
      const officer = await ctx.newContext();
      try {
        const page = await signInAs(ctx, person, w.lang, w.persona, 'citizen');
        const webCase = await fileOnTheWeb(ctx, page, w);
        await confirmPhone(ctx, page, w);
        const phonePage = await person.newPage();
        await statusBySms(ctx, phonePage, w, webCase);

        const office = await signInAs(ctx, operator, w.lang, /Сергій Павленко/, 'staff');
        const phoneCase = await fileByPhone(ctx, office, phonePage, w);

        await page.goto(`/${w.lang}/cabinet/applications`);
        await page.getByRole('link', { name: webCase, exact: true }).waitFor();
        await loaded(page, page.getByRole('link', { name: phoneCase, exact: true }).click());
        await page.locator('.moj-timeline__byline', { hasText: w.byOperator }).first().waitFor();
        await ctx.auditLike(page, `channels-phone-case-${w.lang}`);

        // The officer of the agency opens the same case (its id is the applicant's page's).
        const caseId = /\/cabinet\/cases\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
        const desk = await signInAs(ctx, officer, w.lang, OFFICER, 'staff');
        await desk.goto(`/${w.lang}/office/cases/${caseId}`);
        const filing = desk.locator('section', { has: desk.getByRole('heading', { name: w.filingTitle }) });
        await filing.getByText(w.operatorRole).waitFor();
        await filing.getByText(w.consent).waitFor();
        await ctx.auditLike(desk, `channels-office-phone-case-${w.lang}`);
      } finally {
        await person.close();
        await operator.close();
        await officer.close();
      }
    },
  };
}

export function channelJourneys(): Check[] {
  return [
    personJourney({
      lang: 'uk', persona: /Ірина Бондар/, name: 'Ірина Бондар', nationalId: '9000000044', phone: '+380501238801', stranger: '+380501238811',
      applyOnline: 'Подати заяву онлайн', start: 'Почати', continue: 'Зберегти й продовжити', upload: 'Завантажити файл', declaration: /Я підтверджую/, submit: 'Подати заяву',
      neutral: /Стан справи за SMS повідомляємо лише на підтверджений номер/, byOperator: /оператор контакт-центру від імені: Ірина Бондар · телефоном/,
      fileButton: 'Подати заяву', filingTitle: 'Як подано заяву', consent: 'Особа дала згоду телефоном', operatorRole: /Сергій Павленко \(оператор контакт-центру\)/,
    }),
    personJourney({
      lang: 'en', persona: /Наталія Гриценко/, name: 'Наталія Гриценко', nationalId: '9000000055', phone: '+380501238802', stranger: '+380501238812',
      applyOnline: 'Apply online', start: 'Start now', continue: 'Save and continue', upload: 'Upload file', declaration: /I confirm/, submit: 'Submit application',
      neutral: /We give a case's status by SMS only to the confirmed number/, byOperator: /contact-centre operator, acting for Наталія Гриценко · by phone/,
      fileButton: 'File the application', filingTitle: 'How the application was filed', consent: 'The person gave consent on the phone', operatorRole: /Сергій Павленко \(contact-centre operator\)/,
    })
  ];
}
