import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createHttpPaymentProvider, type PaymentProvider, type StartPayment } from '../../src/modules/payments/index.ts';
import { type PaymentSimulator, startPaymentSimulator } from '../../src/dev/index.ts';

let sim: PaymentSimulator;
let provider: PaymentProvider;
beforeAll(async () => {
  sim = await startPaymentSimulator({ host: '127.0.0.1', port: 0, apiKey: 'k', callbackSecret: 's', publicUrl: 'http://pay.localhost:9/' });
  provider = createHttpPaymentProvider({ id: 'sim', baseUrl: sim.url, apiKey: 'k', callbackSecret: 's' });
});
afterAll(async () => sim.close());

async function startedRef(overrides: Partial<StartPayment> = {}): Promise<string> {
  const outcome = await provider.start({
    paymentId: randomUUID(),
    amount: 25_000,
    currency: 'UAH',
    description: 'Реєстрація місця проживання',
    returnUrl: 'https://portal.example/return',
    callbackUrl: 'http://127.0.0.1:9/unreachable',
    lang: 'uk',
    ...overrides,
  });
  if (outcome.kind !== 'redirect') {
    throw new Error(outcome.reason);
  }
  return outcome.providerRef;
}

const page = async (path: string) => {
  const response = await fetch(`${sim.url}${path}`);
  return { status: response.status, headers: response.headers, html: await response.text() };
};
const count = (html: string, pattern: RegExp) => html.match(new RegExp(pattern.source, 'g'))?.length ?? 0;

/** WCAG 2.x contrast ratio of two #rgb or #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const full = hex.length === 4 ? hex.replace(/^#(.)(.)(.)$/, '#$1$1$2$2$3$3') : hex;
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(full.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('the test payment page', () => {
  it('uses the public URL for the redirect', async () => {
    const ref = await startedRef();
    expect(sim.transactions().find((t) => t.providerRef === ref)?.redirectUrl).toBe(`http://pay.localhost:9/pay/${ref}?lang=uk`);
  });

  it('is a complete, script-free, self-contained document in the payment language', async () => {
    const ref = await startedRef();
    const { status, headers, html } = await page(`/pay/${ref}?lang=uk`);
    expect(status).toBe(200);
    expect(headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).toMatch(/^<!doctype html>\n<html lang="uk">/);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(count(html, /<main[ >]/)).toBe(1);
    expect(count(html, /<h1>/)).toBe(1);
    expect(count(html, /<header>/)).toBe(1);
    expect(count(html, /<footer>/)).toBe(1);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|url\(/i);
    expect(html).toContain('ТЕСТОВА сторінка оплати');
    expect(html).toContain('250,00\u00a0грн');
    expect(html).toContain('Реєстрація місця проживання');
    expect(count(html, /<form method="post"/)).toBe(1);
    expect(html.match(/<button [^>]*>[^<]+<\/button>/g)).toEqual([
      '<button type="submit" name="outcome" value="paid" class="pay">Сплатити</button>',
      '<button type="submit" name="outcome" value="declined" class="decline">Відхилити</button>',
      '<button type="submit" name="outcome" value="abandoned" class="abandon">Скасувати й повернутися</button>',
    ]);
    expect(html).toContain('<a href="?lang=en" lang="en" hreflang="en">English</a>');
  });

  it('speaks English when asked, or when the payment was started in English', async () => {
    const ref = await startedRef({ lang: 'en', amount: 150 });
    for (const path of [`/pay/${ref}`, `/pay/${ref}?lang=en`, `/pay/${ref}?lang=xx`]) {
      const { html } = await page(path);
      expect(html).toContain('<html lang="en">');
      expect(html).toContain('TEST payment page');
      expect(html).toContain('UAH\u00a01.50');
      expect(html).toContain('>Cancel and return</button>');
    }
    expect((await page(`/pay/${ref}?lang=uk`)).html).toContain('<html lang="uk">');
  });

  it('escapes the description', async () => {
    const ref = await startedRef({ description: '<script>alert("x")</script> & co' });
    const { html } = await page(`/pay/${ref}`);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(html).not.toContain('<script');
  });

  it('keeps every text colour pair at 7:1 or better', async () => {
    const ref = await startedRef();
    const { html } = await page(`/pay/${ref}`);
    const css = /<style>([\s\S]*)<\/style>/.exec(html)?.[1] ?? '';
    const rules = [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].map(([, selector, body]) => ({
      selector: selector!.trim(),
      color: /(?:^|;)color:(#[0-9a-f]{3,6})/i.exec(body!)?.[1],
      background: /background:(#[0-9a-f]{3,6})/i.exec(body!)?.[1],
    }));
    const coloured = rules.filter((r) => r.color !== undefined);
    expect(coloured.map((r) => r.selector)).toEqual(expect.arrayContaining(['body', 'header', '.pay', '.decline', '.abandon', 'a']));
    for (const rule of coloured) {
      expect({ rule: rule.selector, ok: contrast(rule.color!, rule.background ?? '#fff') >= 7 }).toEqual({ rule: rule.selector, ok: true });
    }
    const link = coloured.find((r) => r.selector === 'a')!.color!;
    const header = coloured.find((r) => r.selector === 'header')!.background!;
    expect(contrast(link, header)).toBeGreaterThanOrEqual(7); // the language link sits on the yellow test banner
  });

  it('answers an unknown payment with a 404 page and a choice it does not know with a 400 page', async () => {
    const missing = await page('/pay/sim_nothing?lang=en');
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('<h1>Payment not found</h1>');
    const ref = await startedRef();
    const bad = await fetch(`${sim.url}/pay/${ref}`, { method: 'POST', body: new URLSearchParams({ outcome: 'refunded' }), redirect: 'manual' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('<h1>Незрозумілий вибір</h1>');
    expect(sim.transactions().find((t) => t.providerRef === ref)?.status).toBe('pending');
    expect((await fetch(`${sim.url}/elsewhere`)).status).toBe(404);
  });
});
