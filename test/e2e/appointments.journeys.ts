/**
 * Appointments in the browser, with JavaScript off and axe on every page: a signed-in citizen confirms
 * a phone, books a visit from the centre's page (service, day, time), downloads the calendar file,
 * cancels the visit by SMS from the confirmed phone, and the cabinet shows it cancelled.
 */
import type { Page } from 'playwright-core';

import type { Check, E2eContext } from './run.ts';

interface Words {
  readonly lang: 'uk' | 'en';
  readonly persona: RegExp;
  readonly phone: string;
  readonly book: string;
  readonly continue: string;
  readonly confirm: string;
  readonly booked: string;
  readonly cancel: (reference: string) => string;
  readonly cancelledReply: RegExp;
  readonly cancelled: string;
  readonly bySms: string;
}

const JOURNEYS: readonly Words[] = [
  {
    lang: 'uk', persona: /Олена Коваль/, phone: '+380501239901', book: 'Записатися на прийом', continue: 'Продовжити', confirm: 'Записатися', booked: 'Вас записано',
    cancel: (r) => `СКАСУВАТИ ${r}`, cancelledReply: /скасовано\./, cancelled: 'Скасовано', bySms: 'за SMS',
  },
  {
    lang: 'en', persona: /Андрій Шевченко/, phone: '+380501239902', book: 'Book an appointment', continue: 'Continue', confirm: 'Book', booked: 'Appointment booked',
    cancel: (r) => `CANCEL ${r}`, cancelledReply: /is cancelled\./, cancelled: 'Cancelled', bySms: 'by SMS',
  },
];

/** The last portal SMS to a number that carries a six-digit code, from the development phone page. */
export async function smsCode(page: Page, phone: string): Promise<string> {
  const phonePage = await page.context().newPage();
  try {
    // The notice goes out through the outbox: waited for up to a minute, as a loaded machine may need.
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      await phonePage.goto(`/dev/sms/phone?number=${encodeURIComponent(phone)}`);
      const texts = await phonePage.locator('li pre').allTextContents();
      const code = texts.map((t) => /(\d{6})/.exec(t)?.[1]).filter((c) => c !== undefined).at(-1);
      if (code !== undefined) {
        return code;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await phonePage.close();
  }
  throw new Error(`no code reached ${phone}`);
}

/** Texts a message from the development phone page and waits for the portal's reply. */
export async function textFrom(page: Page, phone: string, message: string, reply: RegExp): Promise<void> {
  await page.goto('/dev/sms/phone');
  await page.locator('#number').fill(phone);
  await page.locator('#text').fill(message);
  await page.getByRole('button', { name: 'Send' }).click();
  for (let i = 0; i < 40; i += 1) {
    const texts = await page.locator('li pre').allTextContents();
    if (texts.some((t) => reply.test(t))) {
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
    // The conversation by GET: reloading the answer to the POST would send the message again.
    await page.goto(`/dev/sms/phone?number=${encodeURIComponent(phone)}`);
  }
  throw new Error(`no reply matching ${reply} to "${message}"; the phone page (${page.url()}) shows: ${((await page.locator('main, body').first().textContent()) ?? '').replace(/\s+/g, ' ').slice(0, 600)}`);
}

async function confirmPhone(ctx: E2eContext, page: Page, w: Words): Promise<void> {
  await page.goto(`/${w.lang}/cabinet/contacts`);
  await page.locator('#filter-phone').fill(w.phone);
  await page.locator('form', { has: page.locator('#filter-phone') }).getByRole('button').click();
  await page.locator('#filter-code-sms').fill(await smsCode(page, w.phone));
  await page.locator('form', { has: page.locator('#filter-code-sms') }).getByRole('button').click();
  await page.locator('#filter-code-sms').waitFor({ state: 'detached' });
  await ctx.auditLike(page, `appointment-contacts-${w.lang}`);
}

/** An appointment booked online and cancelled by SMS, in both languages. */
export function appointmentJourneys(): Check[] {
  return JOURNEYS.map((w): Check => ({
    name: `${w.lang}: an appointment booked online and cancelled by SMS, without JavaScript, axe clean`,
    run: async (ctx) => {
      const context = await ctx.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`/${w.lang}/sign-in/state?realm=citizen`);
        await page.getByRole('button', { name: w.persona }).click();
        await page.waitForURL(new RegExp(`/${w.lang}/cabinet$`));
        await confirmPhone(ctx, page, w);
        await page.goto(`/${w.lang}/centres/zorehrad-cnap-central`);
        await ctx.auditLike(page, `appointment-centre-${w.lang}`);
        await page.getByRole('link', { name: w.book }).click();
        await ctx.auditLike(page, `appointment-service-${w.lang}`);
        await page.locator('input[name="service"]').first().check();
        await page.getByRole('button', { name: w.continue }).click();
        await ctx.auditLike(page, `appointment-day-${w.lang}`);
        // The last day offered, never today: a slot minutes away could pass before the journey texts CANCEL.
        await page.locator('main ul.govuk-list a').last().click();
        await ctx.auditLike(page, `appointment-time-${w.lang}`);
        await page.locator('input[name="time"]').first().check();
        await page.getByRole('button', { name: w.confirm, exact: true }).click();
        await page.locator('.govuk-panel__title', { hasText: w.booked }).waitFor();
        await ctx.auditLike(page, `appointment-booked-${w.lang}`);
        const confirmation = page.url();
        const reference = /\b([A-Z0-9]{6})\b/.exec((await page.locator('.govuk-panel__body').textContent()) ?? '')?.[1];
        if (reference === undefined) {
          throw new Error('the confirmation shows no reference');
        }
        const ics = await context.request.get(await page.locator('a[href$="calendar.ics"]').getAttribute('href') ?? '');
        if (ics.status() !== 200 || !ics.headers()['content-type']?.startsWith('text/calendar') || !(await ics.text()).includes('BEGIN:VEVENT')) {
          throw new Error(`the calendar file answered ${ics.status()} ${ics.headers()['content-type']}`);
        }
        await textFrom(page, w.phone, w.cancel(reference), w.cancelledReply);
        await page.goto(`/${w.lang}/cabinet/appointments`);
        await page.locator('main li', { hasText: reference }).filter({ hasText: w.cancelled }).waitFor();
        await ctx.auditLike(page, `appointment-list-${w.lang}`);
        await page.goto(confirmation.replace(/\?.*$/, ''));
        await page.locator('.govuk-summary-list__value', { hasText: w.bySms }).waitFor();
        await ctx.auditLike(page, `appointment-cancelled-${w.lang}`);
      } finally {
        await context.close();
      }
    },
  }));
}
