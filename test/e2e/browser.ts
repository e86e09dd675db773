import { createHash } from 'node:crypto';

import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type Page, chromium } from 'playwright-core';

/** Debian's Chromium, headless, with nothing reaching outside this machine. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The violations found on each document already audited in this run, by its HTML and the viewport's
 * size: axe sees nothing else (the pages carry no script and the styles are the same all run), so the
 * same page reached again (a catalogue page the public crawl meets too, say) is not audited twice.
 */
const audited = new Map<string, Promise<string[]>>();

/** axe-core's WCAG 2.2 A/AA violations on the page, as "rule: target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  const key = createHash('sha256').update(JSON.stringify(page.viewportSize())).update(await page.content()).digest('hex');
  const known = audited.get(key);
  if (known) {
    return known;
  }
  // axe.run in the page itself when it has no frames: the same rules on the same document as the
  // frame-by-frame run, without the blank page that run opens to merge its frames' results.
  const builder = new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(page.frames().length === 1);
  const violations = builder.analyze().then((result) => result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${v.help}`)));
  audited.set(key, violations);
  void violations.catch(() => audited.delete(key));
  return violations;
}
