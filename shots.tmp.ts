import { chromium } from 'playwright-core';
import { startPortal } from './test/e2e/server.ts';
import { renderPage } from './src/web/common/render.ts';
import { translator } from './src/web/locales/messages.ts';
import { VerifyPage } from './src/web/verify/verify.page.tsx';

const pages: Array<[string, string]> = [
  ['home', '/'], ['search', '/search?q=паспорт'], ['search-filtered', '/search?q=&audience=business&online=yes'], ['search-zero', '/search?q=pasprot'],
  ['search-zero-filtered', '/search?q=passport&audience=business'], ['service', '/services/international-passport'], ['agencies', '/agencies'], ['events', '/events'],
  ['centres', '/centres'], ['verify', 'VERIFY'], ['search-page2', '/search?q=&page=2'],
];
const only = process.argv[2]?.split(',');
const portal = await startPortal();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  for (const width of [320, 1280]) {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const lang of ['uk', 'en'] as const) {
      for (const [name, path] of pages) {
        if (only && !only.includes(name)) continue;
        if (path === 'VERIFY') {
          await page.goto(`${portal.url}/${lang}/`);
          const html = renderPage(VerifyPage({ ctx: { t: translator(lang), lang, url: `/${lang}/verify/x` }, view: {
            kind: 'decision-granted', number: 'D-2026-000123', caseNumber: '2026-000123', issuer: { uk: 'Державна міграційна служба', en: 'State Migration Service' },
            issuedAt: new Date('2026-12-03T10:15:00Z'), status: 'valid', sealValid: true, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', keyId: 'portico-seal-2026-01' } }));
          await page.setContent(html, { waitUntil: 'load' });
        } else {
          await page.goto(`${portal.url}/${lang}${path}`);
        }
        const [sw, cw] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        console.log(`${width} ${lang} ${name}: scrollWidth ${sw} clientWidth ${cw}${sw > cw ? '  OVERFLOW' : ''}`);
        await page.screenshot({ path: `/tmp/cat-shots/${name}-${lang}-${width}.png`, fullPage: true });
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  await portal.stop();
}
