/**
 * Citizens' appeals in the browser, JavaScript off, in both languages: a complaint texted from the
 * development phone is answered by the agency — the supervisor finds it in the triage list, sends it
 * to an agency and writes the answer; the phone receives the answer by SMS through the outbox.
 */
import type { BrowserContext, Page } from 'playwright-core';

import type { Check, E2eContext } from './run.ts';

interface AppealWords {
  readonly lang: 'uk' | 'en';
  readonly number: string;
  readonly complaint: string;
  readonly registered: RegExp;
  readonly officer: RegExp;
  readonly agencyLabel: string;
  readonly agency: string;
  readonly send: string;
  readonly answerLabel: string;
  readonly sendAnswer: string;
  readonly answer: string;
  readonly answered: (number: string) => RegExp;
}

async function signInAs(ctx: E2eContext, context: BrowserContext, lang: string, persona: RegExp, realm: 'citizen' | 'staff'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`/${lang}/sign-in/state?realm=${realm}`);
  await page.getByRole('button', { name: persona }).click();
  await page.waitForURL((url) => url.origin === new URL(ctx.base).origin && !url.pathname.startsWith('/auth/'));
  return page;
}

/** Reloads until the text shows (the outbox worker sends the SMS asynchronously). */
async function reloadUntil(page: Page, text: RegExp, tries = 60): Promise<void> {
  for (let i = 0; i < tries; i += 1) {
    if ((await page.getByText(text).count()) > 0) {
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
    await page.reload();
  }
  throw new Error(`"${String(text)}" never appeared on ${page.url()}`);
}

function complaintBySms(w: AppealWords): Check {
  return {
    name: `${w.lang}: a complaint by SMS answered by the agency (triage, answer, SMS back), axe clean at 320 px`,
    run: async (ctx) => {
      const phoneContext = await ctx.newContext();
      const officeContext = await ctx.newContext();
      try {
        const phone = await ctx.visit(phoneContext, '/dev/sms/phone', 200);
        await phone.getByLabel('Number').fill(w.number);
        await phone.getByLabel('Message').fill(w.complaint);
        await Promise.all([phone.waitForLoadState('load'), phone.getByRole('button', { name: 'Send' }).click()]);
        await reloadUntil(phone, w.registered);
        const appealNumber = /A-\d{4}-\d{6}/.exec(await phone.getByText(w.registered).first().innerText())?.[0];
        if (appealNumber === undefined) {
          throw new Error('the reply names no appeal number');
        }
        await ctx.auditLike(phone, `appeal-sms-phone-${w.lang}`);

        const office = await signInAs(ctx, officeContext, w.lang, w.officer, 'staff');
        await office.goto(`/${w.lang}/office/appeals`);
        await ctx.auditLike(office, `appeal-sms-triage-${w.lang}`);
        await Promise.all([office.waitForLoadState('load'), office.getByRole('link', { name: appealNumber }).click()]);
        await ctx.auditLike(office, `appeal-sms-appeal-${w.lang}`);
        await office.getByLabel(w.agencyLabel, { exact: true }).selectOption({ label: w.agency });
        await Promise.all([office.waitForURL(/done=assign/), office.getByRole('button', { name: w.send, exact: true }).click()]);
        await ctx.auditLike(office, `appeal-sms-routed-${w.lang}`);
        await office.getByLabel(w.answerLabel).fill(w.answer);
        await Promise.all([office.waitForURL(/done=answer/), office.getByRole('button', { name: w.sendAnswer }).click()]);
        await ctx.auditLike(office, `appeal-sms-answered-${w.lang}`);

        await reloadUntil(phone, w.answered(appealNumber));
        await ctx.auditLike(phone, `appeal-sms-answer-${w.lang}`);
      } finally {
        await phoneContext.close();
        await officeContext.close();
      }
    },
  };
}

export function appealsJourneys(): Check[] {
  return [
    complaintBySms({
      lang: 'uk', number: '+380501237701', complaint: 'СКАРГА у центрі на вул. Соборній черга дві години',
      registered: /Вашу скаргу зареєстровано: звернення A-\d{4}-\d{6}/, officer: /Петро Бойко/, agencyLabel: 'Орган', agency: 'Державна міграційна служба',
      send: 'Передати', answerLabel: 'Письмова відповідь', sendAnswer: 'Надіслати відповідь', answer: 'Дякуємо. Ми відкрили друге вікно прийому.',
      answered: (n) => new RegExp(`Відповідь на звернення ${n}: Дякуємо`),
    }),
    complaintBySms({
      lang: 'en', number: '+380501237702', complaint: 'COMPLAIN the queue at the centre took two hours',
      registered: /Your complaint is registered: appeal A-\d{4}-\d{6}/, officer: /Петро Бойко/, agencyLabel: 'Agency', agency: 'State Migration Service',
      send: 'Send', answerLabel: 'Written answer', sendAnswer: 'Send the answer', answer: 'Thank you. We have opened a second window.',
      answered: (n) => new RegExp(`Answer to appeal ${n}: Thank you`),
    }),
  ];
}
