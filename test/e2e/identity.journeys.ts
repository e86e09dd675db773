import type { Page } from 'playwright-core';

import type { Check, E2eContext } from './run.ts';

interface Words {
  readonly lang: 'uk' | 'en';
  readonly persona: RegExp;
  readonly email: string;
  readonly signIn: string;
  readonly withState: RegExp;
  readonly cabinet: string;
  readonly contacts: string;
  readonly emailLabel: string;
  readonly sendCode: string;
  readonly codeLabel: string;
  readonly confirm: string;
  readonly confirmed: string;
  readonly signOut: string;
  readonly signedOut: string;
}

const JOURNEYS: readonly Words[] = [
  {
    lang: 'uk', persona: /Олена Коваль/, email: 'olena.koval@example.com', signIn: 'Увійти', withState: /Державна eID/,
    cabinet: 'Особистий кабінет', contacts: 'Контактні дані та сповіщення', emailLabel: 'Електронна пошта', sendCode: 'Надіслати код підтвердження',
    codeLabel: 'Код підтвердження', confirm: 'Підтвердити', confirmed: 'підтверджено', signOut: 'Вийти', signedOut: 'Ви вийшли з порталу',
  },
  {
    lang: 'en', persona: /Андрій Шевченко/, email: 'andrii@example.com', signIn: 'Sign in', withState: /State eID/,
    cabinet: 'Your account', contacts: 'Contact details and notices', emailLabel: 'E-mail address', sendCode: 'Send a confirmation code',
    codeLabel: 'Confirmation code', confirm: 'Confirm', confirmed: 'is confirmed', signOut: 'Sign out', signedOut: 'You have signed out',
  },
];

async function codeFor(ctx: E2eContext, page: Page, address: string): Promise<string> {
  const mailbox = await page.context().newPage();
  try {
    // The notice goes out through the outbox: waited for up to a minute, as a loaded machine may need.
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      await mailbox.goto('/dev/messages');
      const text = (await mailbox.locator('li', { hasText: address }).first().textContent({ timeout: 1_000 }).catch(() => null)) ?? '';
      const code = /(\d{6})/.exec(text)?.[1];
      if (code) {
        return code;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await mailbox.close();
  }
  throw new Error(`no code reached ${address} (${ctx.base}/dev/messages)`);
}

/** A new person signs in through the embedded eID, confirms an e-mail address and signs out — without JavaScript. */
export function identityJourneys(): Check[] {
  return JOURNEYS.map((w): Check => ({
    name: `${w.lang}: a new person signs in through the eID, confirms an e-mail address and signs out, without JavaScript, axe clean`,
    run: async (ctx) => {
      const context = await ctx.newContext();
      try {
        const page = await ctx.visit(context, `/${w.lang}/`, 200);
        await page.getByRole('link', { name: w.signIn, exact: true }).click();
        await ctx.auditLike(page);
        await page.getByRole('link', { name: w.withState }).first().click();
        await page.getByRole('button', { name: w.persona }).click();
        await page.waitForURL(new RegExp(`/${w.lang}/cabinet$`));
        await page.getByRole('heading', { level: 1, name: w.cabinet }).waitFor();
        await ctx.auditLike(page);
        await page.getByRole('link', { name: w.contacts }).first().click();
        await page.getByLabel(w.emailLabel).fill(w.email);
        await page.getByRole('button', { name: w.sendCode }).first().click();
        await page.getByLabel(w.codeLabel).fill(await codeFor(ctx, page, w.email));
        await ctx.auditLike(page);
        await page.getByRole('button', { name: w.confirm, exact: true }).click();
        await page.getByRole('alert').filter({ hasText: w.confirmed }).waitFor();
        await ctx.auditLike(page);
        await page.getByRole('button', { name: w.signOut, exact: true }).click();
        // The provider may ask to confirm signing out of it too (RP-initiated logout).
        const signedOut = new RegExp(`/${w.lang}/signed-out`);
        const confirmLogout = page.getByRole('button', { name: /Так, вийти/ });
        await Promise.race([page.waitForURL(signedOut), confirmLogout.waitFor()]).catch(() => {
          throw new Error(`signing out stopped at ${page.url()}`);
        });
        if (!signedOut.test(page.url())) {
          await confirmLogout.click();
          await page.waitForURL(signedOut);
        }
        await page.getByRole('heading', { level: 1, name: w.signedOut }).waitFor();
        await ctx.auditLike(page);
        const cabinet = await page.goto(`/${w.lang}/cabinet`);
        if (!cabinet?.url().includes('/sign-in')) {
          throw new Error(`after signing out the cabinet went to ${cabinet?.url()}`);
        }
      } finally {
        await context.close();
      }
    },
  }));
}

interface MandateWords {
  readonly lang: 'uk' | 'en';
  readonly persona: RegExp;
  /** Whom the mandate goes to: a person the population register knows. */
  readonly representative: string;
  readonly representativeName: RegExp;
}

const MANDATES: readonly MandateWords[] = [
  { lang: 'uk', persona: /Олена Коваль/, representative: '9000000044', representativeName: /Ірина Бондар|Iryna Bondar/ },
  { lang: 'en', persona: /Андрій Шевченко/, representative: '9000000044', representativeName: /Ірина Бондар|Iryna Bondar/ },
];

/** A person grants a mandate: the form, the confirmation naming the representative from the register, then the granted mandate — without JavaScript. */
export function mandateJourneys(): Check[] {
  return MANDATES.map((w): Check => ({
    name: `${w.lang}: a person grants a mandate, confirms the representative's name, and sees it granted, without JavaScript, axe clean`,
    run: async (ctx) => {
      const context = await ctx.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`/${w.lang}/sign-in/state?realm=citizen`);
        await page.getByRole('button', { name: w.persona }).click();
        await page.waitForURL(new RegExp(`/${w.lang}/cabinet$`));
        await page.goto(`/${w.lang}/cabinet/representation`);
        const grant = page.locator('form[action$="/cabinet/mandates"]');
        await grant.locator('#filter-representative').fill(w.representative);
        const year = new Date().getUTCFullYear() + 1;
        for (const [field, day, month] of [['validFrom', '1', '2'], ['validUntil', '1', '8']] as const) {
          await grant.locator(`#filter-${field}`).fill(day);
          await grant.locator(`#filter-${field}-month`).fill(month);
          await grant.locator(`#filter-${field}-year`).fill(String(year));
        }
        await Promise.all([page.waitForLoadState('load'), grant.locator('button[type="submit"]').last().click()]);
        // The confirmation answers the POST: the name comes from the register, nothing is granted yet.
        await page.getByRole('heading', { level: 1, name: w.representativeName }).waitFor();
        await ctx.auditLike(page, `mandate-confirmation-${w.lang}`);
        await page.locator('button[name="step"][value="confirm"]').click();
        await page.waitForURL(/outcome=granted/);
        await page.getByText(w.representativeName).first().waitFor();
        await ctx.auditLike(page);
      } finally {
        await context.close();
      }
    },
  }));
}
