/**
 * The payment simulator's pages: plain HTML, no script, no external assets, in Ukrainian or
 * English, written for WCAG 2.2 AA (a language, one `<main>` and `<h1>`, landmarks around all
 * content, text contrast of at least 7:1, visible focus, targets of at least 44 px).
 */
import type { Lang } from '../../kernel/text.ts';
import { formatUah, type PaymentStatus } from '../../modules/payments/index.ts';


const COPY = {
  uk: {
    site: 'Симулятор платіжного провайдера',
    test: 'ТЕСТОВА сторінка оплати. Це симулятор для розробки й перевірок: жодних справжніх грошей не списується.',
    heading: 'Тестова оплата',
    description: 'Призначення платежу',
    amount: 'Сума',
    reference: 'Номер операції',
    choose: 'Оберіть, чим завершиться ця тестова оплата.',
    pay: 'Сплатити',
    decline: 'Відхилити',
    abandon: 'Скасувати й повернутися',
    other: 'English',
    decidedHeading: 'Цю оплату вже завершено',
    decided: 'Стан оплати:',
    unchanged: 'Повторний вибір нічого не змінює, і повідомлення порталу не надсилається вдруге.',
    back: 'Повернутися на портал',
    notFoundHeading: 'Оплату не знайдено',
    notFound: 'Посилання застаріле або неправильне. Поверніться на портал і почніть оплату знову.',
    badHeading: 'Незрозумілий вибір',
    bad: 'Оберіть одну з кнопок на сторінці оплати.',
    statuses: { paid: 'сплачено', declined: 'відхилено', abandoned: 'скасовано без оплати' },
    footer: 'Лише для розробки й тестування. Не використовуйте у промисловому середовищі.',
  },
  en: {
    site: 'Payment provider simulator',
    test: 'TEST payment page. This is a simulator for development and testing: no real money is charged.',
    heading: 'Test payment',
    description: 'Payment for',
    amount: 'Amount',
    reference: 'Transaction reference',
    choose: 'Choose how this test payment ends.',
    pay: 'Pay',
    decline: 'Decline',
    abandon: 'Cancel and return',
    other: 'Українською',
    decidedHeading: 'This payment is already finished',
    decided: 'Payment status:',
    unchanged: 'Choosing again changes nothing, and the portal is not notified a second time.',
    back: 'Return to the portal',
    notFoundHeading: 'Payment not found',
    notFound: 'The link is out of date or wrong. Return to the portal and start the payment again.',
    badHeading: 'Unclear choice',
    bad: 'Choose one of the buttons on the payment page.',
    statuses: { paid: 'paid', declined: 'declined', abandoned: 'cancelled without paying' },
    footer: 'For development and testing only. Never use in production.',
  },
} as const;

/** Colours: every pair is at least 7:1 (body text #1b1b1b on #fff is 17:1; #fff on #005a30 is 8.4:1, on #8e1b1b 9.0:1; links #1d3f7a 10.3:1 on white, 7.6:1 on the yellow header). */
const CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1.125rem;line-height:1.5;color:#1b1b1b;background:#fff}
.wrap{max-width:42rem;margin:0 auto;padding:1rem}
header{background:#ffdd00;color:#000;border-bottom:4px solid #000}
header p{margin:0}
.test{font-weight:700}
main{display:block}
h1{font-size:2rem;line-height:1.2;margin:1rem 0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.5rem 1.5rem;margin:0 0 1.5rem}
dt{font-weight:700}
dd{margin:0;overflow-wrap:anywhere}
.amount{font-size:1.5rem;font-weight:700}
.buttons{display:flex;flex-wrap:wrap;gap:1rem;margin-top:1rem}
button{font:inherit;font-weight:700;min-height:44px;min-width:44px;padding:.625rem 1.25rem;border:2px solid #1b1b1b;border-radius:4px;cursor:pointer}
.pay{background:#005a30;border-color:#005a30;color:#fff}
.decline{background:#8e1b1b;border-color:#8e1b1b;color:#fff}
.abandon{background:#fff;color:#1b1b1b}
a{color:#1d3f7a;text-decoration:underline}
button:focus-visible,a:focus-visible{outline:3px solid #000;outline-offset:3px;box-shadow:0 0 0 6px #ffdd00}
footer{border-top:1px solid #1b1b1b;margin-top:2rem;font-size:1rem}
`;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function layout(lang: Lang, title: string, body: string, other?: string): string {
  const t = COPY[lang];
  const otherLang: Lang = lang === 'uk' ? 'en' : 'uk';
  const switcher =
    other === undefined
      ? ''
      : `<p><a href="${escapeHtml(other)}" lang="${otherLang}" hreflang="${otherLang}">${t.other}</a></p>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} — ${t.site}</title>
<style>${CSS}</style>
</head>
<body>
<header><div class="wrap"><p class="test">${t.test}</p>${switcher}</div></header>
<main class="wrap">
${body}
</main>
<footer><div class="wrap"><p>${t.site}. ${t.footer}</p></div></footer>
</body>
</html>
`;
}

export interface PayPageData {
  readonly providerRef: string;
  readonly description: string;
  readonly amount: number;
  readonly lang: Lang;
}

/** The page the person pays on: what and how much, and three real submit buttons. */
export function payPage(p: PayPageData): string {
  const t = COPY[p.lang];
  const other = `?lang=${p.lang === 'uk' ? 'en' : 'uk'}`;
  const body = `<h1>${t.heading}</h1>
<dl>
<dt>${t.description}</dt><dd>${escapeHtml(p.description)}</dd>
<dt>${t.amount}</dt><dd class="amount">${formatUah(p.amount, p.lang)}</dd>
<dt>${t.reference}</dt><dd>${escapeHtml(p.providerRef)}</dd>
</dl>
<form method="post" aria-labelledby="choose">
<p id="choose">${t.choose}</p>
<div class="buttons">
<button type="submit" name="outcome" value="paid" class="pay">${t.pay}</button>
<button type="submit" name="outcome" value="declined" class="decline">${t.decline}</button>
<button type="submit" name="outcome" value="abandoned" class="abandon">${t.abandon}</button>
</div>
</form>`;
  return layout(p.lang, t.heading, body, other);
}

/** A second choice on a finished payment: its status and the way back; nothing changes. */
export function decidedPage(lang: Lang, status: PaymentStatus, backUrl: string): string {
  const t = COPY[lang];
  const body = `<h1>${t.decidedHeading}</h1>
<p>${t.decided} <strong>${t.statuses[status]}</strong>.</p>
<p>${t.unchanged}</p>
<p><a href="${escapeHtml(backUrl)}">${t.back}</a></p>`;
  return layout(lang, t.decidedHeading, body);
}

export function notFoundPage(lang: Lang): string {
  const t = COPY[lang];
  return layout(lang, t.notFoundHeading, `<h1>${t.notFoundHeading}</h1>\n<p>${t.notFound}</p>`);
}

/** A form post without a known outcome; the link leads back to the same payment's page. */
export function badChoicePage(lang: Lang): string {
  const t = COPY[lang];
  return layout(lang, t.badHeading, `<h1>${t.badHeading}</h1>\n<p>${t.bad}</p>\n<p><a href="?lang=${lang}">${t.heading}</a></p>`);
}
