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
    for (let i = 0; i < 40; i += 1) {
      await mailbox.goto('/dev/messages');
      const text = (await mailbox.locator('li', { hasText: address }).first().textContent({ timeout: 200 }).catch(() => null)) ?? '';
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
