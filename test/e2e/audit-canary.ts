/**
 * The audits can fail: a page shown in place (`showInPlace`, as every audit shows its page) after a
 * clean one, with faults planted in it, must give axe's violations for each fault. It guards the
 * audits' one shortcut, the window and its axe-core kept from page to page: a run on a stale document
 * or with stale results would pass every page.
 */
import { axeViolations, showInPlace } from './browser.ts';
import { AUDIT_VIEWPORT } from './fit.ts';
import type { Check } from './run.ts';

/** The faults planted, and the axe rule each must trip. */
const FAULTS: ReadonlyArray<{ rule: string; plant: (html: string) => string }> = [
  { rule: 'html-has-lang', plant: (h) => h.replace(/<html lang="[^"]*"/, '<html') },
  { rule: 'image-alt', plant: (h) => h.replace('</main>', '<img src="/planted.png"></main>') },
  { rule: 'color-contrast', plant: (h) => h.replace('</main>', '<p style="color:#ddd;background:#fff">planted</p></main>') },
  { rule: 'label', plant: (h) => h.replace('</main>', '<input type="text" name="planted"></main>') },
];

export function auditCanaryChecks(): Check[] {
  return [{
    name: 'the audits find faults planted in a page shown in place after a clean one',
    async run(ctx) {
      const context = await ctx.browser.newContext({ baseURL: ctx.base, bypassCSP: true, viewport: AUDIT_VIEWPORT });
      try {
        const page = await context.newPage();
        const home = await context.request.get('/uk');
        const url = home.url();
        const html = await home.text();
        await showInPlace(page, url, html);
        const clean = await axeViolations(page);
        if (clean.length > 0) {
          throw new Error(`the home page is not clean: ${clean.join('; ')}`);
        }
        for (const fault of FAULTS) {
          const planted = fault.plant(html);
          if (planted === html) {
            throw new Error(`the fault for ${fault.rule} could not be planted in the home page`);
          }
          await showInPlace(page, url, planted);
          const found = await axeViolations(page);
          if (!found.some((v) => v.startsWith(`${fault.rule}:`))) {
            throw new Error(`a page with a planted ${fault.rule} fault passed the audit (found: ${found.join('; ') || 'nothing'})`);
          }
          // And the clean page again: nothing of the fault stays behind in the kept window.
          await showInPlace(page, url, html.replace('</main>', `<!-- shown again after ${fault.rule} --></main>`));
          const after = await axeViolations(page);
          if (after.length > 0) {
            throw new Error(`the clean page after the ${fault.rule} fault: ${after.join('; ')}`);
          }
        }
      } finally {
        await context.close();
      }
    },
  }];
}
