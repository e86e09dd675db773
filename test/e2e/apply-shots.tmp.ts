// Temporary screenshot walk (not committed).
import { launchChromium } from './browser.ts';
import { startPortal } from './server.ts';

const OUT = '/tmp/apply-shots';
const PDF = Buffer.from(`%PDF-1.4 ${'scan '.repeat(400)}`);

async function main() {
  const portal = await startPortal();
  const browser = await launchChromium();
  const problems: string[] = [];
  try {
    for (const lang of ['uk', 'en'] as const) {
      const context = await browser.newContext({ baseURL: portal.url, javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`/${lang}/sign-in/state?realm=citizen`);
      await page.getByRole('button', { name: /Олена Коваль/ }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/auth/'));
      const shot = async (name: string) => {
        for (const width of [320, 1280]) {
          await page.setViewportSize({ width, height: 900 });
          const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (over > 0) {
            problems.push(`${lang} ${name} ${width}: overflow ${over}px`);
          }
          await page.screenshot({ path: `${OUT}/${lang}-${name}-${width}.png`, fullPage: true });
        }
        await page.setViewportSize({ width: 1280, height: 900 });
      };
      const cont = async () => { await Promise.all([page.waitForLoadState('load'), page.locator('form[method="post"] button.govuk-button:not([name])').first().click()]); };
      await page.goto(`/${lang}/services/international-passport/apply`);
      await shot('start');
      await page.locator('#filter-start').click();
      await page.waitForURL(/about-you$/);
      await shot('register');
      await cont();
      await page.locator('#filter-email').fill('olena@');
      await cont();
      await shot('error');
      await page.locator('#filter-email').fill('olena@example.org');
      await cont();
      await shot('question');
      await page.locator('#filter-purpose-1, input[name="purpose"][value="lost"]').first().check();
      await cont();
      await shot('follow-up');
      await page.locator('#filter-lostCircumstances').fill('Lost on a train');
      await cont();
      await shot('file');
      await page.locator('#filter-identityDocument').setInputFiles({ name: 'passport-scan.pdf', mimeType: 'application/pdf', buffer: PDF });
      await cont();
      await page.goBack();
      await page.goto(page.url().replace(/collection$/, 'documents'));
      await shot('file-uploaded');
      await page.goto(page.url().replace(/documents$/, 'collection'));
      await page.locator('#filter-collectionCentre').selectOption({ index: 1 });
      await cont();
      await shot('check');
      await page.goto(`/${lang}/services/civil-status-certificate/apply`);
      await page.locator('#filter-start').click();
      await page.goto(page.url().replace(/pages\/.*$/, 'pages/record'));
      await page.locator('#filter-eventDate').fill('31');
      await page.locator('#eventDate-month').fill('2');
      await page.locator('#eventDate-year').fill('2026');
      await cont();
      await shot('date-error');
      await context.close();
    }
  } finally {
    await browser.close();
    await portal.stop();
  }
  console.log(problems.length === 0 ? 'no overflow' : problems.join('\n'));
}
void main();
