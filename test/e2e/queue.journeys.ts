/**
 * The walk-in queue in the browser, with JavaScript off and axe on every page, in both languages: a
 * ticket taken at the centre's kiosk (no session), called to a desk by the front desk, shown on the
 * display with its desk, and served.
 */
import type { Page } from 'playwright-core';

import type { Check, E2eContext } from './run.ts';

const CENTRE = 'zorehrad-cnap-central';

interface QueueWords {
  readonly lang: 'uk' | 'en';
  readonly desk: string;
  readonly callNext: string;
  readonly served: string;
  readonly dealtWith: string;
}

async function loaded(page: Page, click: Promise<void>): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), click]);
}

async function walkIn(ctx: E2eContext, w: QueueWords): Promise<void> {
  const visitor = await ctx.newContext();
  const kiosk = await ctx.visit(visitor, `/${w.lang}/centres/${CENTRE}/kiosk`, 200);
  await ctx.auditLike(kiosk, `walk-in-kiosk-${w.lang}`);
  await loaded(kiosk, kiosk.locator('form:has(input[name="service"][value="birth-registration"]) button').click());
  if (!/\/kiosk\/tickets\/[0-9a-f-]{36}$/.test(kiosk.url())) {
    throw new Error(`taking a ticket led to ${kiosk.url()}: ${await kiosk.title()}`);
  }
  const label = ((await kiosk.locator('.govuk-panel strong').textContent()) ?? '').trim();
  if (!/^A-\d{3}$/.test(label)) {
    throw new Error(`the ticket page shows no ticket number: "${label}"`);
  }
  await ctx.auditLike(kiosk, `walk-in-ticket-${w.lang}`);

  const staff = await ctx.newContext();
  const desk = await staff.newPage();
  await desk.goto(`/${w.lang}/sign-in/state?realm=staff`);
  await desk.getByRole('button', { name: /Юлія Марченко/ }).click();
  await desk.waitForURL((url) => url.origin === new URL(ctx.base).origin && !url.pathname.startsWith('/auth/'));
  await desk.goto(`/${w.lang}/office/front-desk`);
  await ctx.auditLike(desk, `walk-in-desk-${w.lang}`);
  await desk.getByLabel(w.desk).fill('3');
  await loaded(desk, desk.getByRole('button', { name: w.callNext, exact: true }).click());
  await desk.locator('.govuk-notification-banner').getByText(label).waitFor();
  await ctx.auditLike(desk, `walk-in-called-${w.lang}`);

  const display = await ctx.visit(visitor, `/${w.lang}/centres/${CENTRE}/display`, 200);
  // The display lists every ticket called at the centre today, so the ticket's row is found by its
  // number rather than taken to be the first.
  const called = (await display.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent?.trim() ?? ''))));
  if (!called.some(([ticket, desk]) => ticket === label && desk === '3')) {
    throw new Error(`the display does not show ${label} at desk 3: ${JSON.stringify(called)}`);
  }
  await ctx.auditLike(display, `walk-in-display-${w.lang}`);

  await loaded(desk, desk.getByRole('button', { name: w.served, exact: true }).click());
  await desk.locator('.govuk-notification-banner').getByText(label).waitFor();
  await ctx.auditLike(desk, `walk-in-served-${w.lang}`);

  await kiosk.reload();
  await kiosk.getByText(w.dealtWith).waitFor();
  await ctx.auditLike(kiosk, `walk-in-ticket-served-${w.lang}`);
  await visitor.close();
  await staff.close();
}

const LANGUAGES: readonly QueueWords[] = [
  { lang: 'uk', desk: 'Ваше вікно', callNext: 'Покликати наступного', served: 'Обслуговано', dealtWith: 'Цей талон уже обслуговано.' },
  { lang: 'en', desk: 'Your desk', callNext: 'Call the next', served: 'Served', dealtWith: 'This ticket has been dealt with.' },
];

/**
 * One check for both languages, one after the other: the desk calls the centre's oldest waiting
 * ticket, so two journeys at one centre side by side could each call the other's ticket.
 */
export function queueJourneys(): Check[] {
  return [
    {
      name: 'a walk-in ticket issued, called and served (uk, then en)',
      async run(ctx: E2eContext) {
        for (const w of LANGUAGES) {
          await walkIn(ctx, w);
        }
      },
    },
  ];
}
