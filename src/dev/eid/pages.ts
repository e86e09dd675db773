import type { LocalText } from '../../kernel/text.ts';
import type { Persona } from './personas.ts';

/**
 * The embedded eID's HTML: plain pages, no script, every text escaped, Ukrainian first with the
 * English under it (marked lang="en" where it stands alone).
 */

export const TEST_BANNER = 'ТЕСТОВИЙ ПОСТАЧАЛЬНИК ЕЛЕКТРОННОЇ ІДЕНТИФІКАЦІЇ — TEST IDENTITY PROVIDER, not for real use';

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Ukrainian text, then the English in its own element. Both escaped. */
function both(text: LocalText, tag = 'span'): string {
  return `${escapeHtml(text.uk)} <${tag} lang="en" class="en">${escapeHtml(text.en)}</${tag}>`;
}

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;color:#0b0c0c;background:#fff;line-height:1.4}
.banner{margin:0;padding:1rem;background:#ffdd00;border-bottom:.5rem solid #0b0c0c;font-size:1.5rem;font-weight:700;text-align:center}
main{max-width:44rem;margin:0 auto;padding:1rem}
.en{display:block;color:#484949;font-size:.9em}
h1 .en,h2 .en{font-weight:400}
ul{list-style:none;padding:0}
li{margin:.5rem 0}
button{font:inherit;font-size:1.1rem;padding:.6rem 1rem;border:2px solid #0b0c0c;background:#f3f2f1;cursor:pointer;text-align:left;width:100%}
button:focus{outline:3px solid #ffdd00;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
button .desc{display:block;font-size:.9rem;color:#484949}
.secondary{width:auto}
`;

export interface PageFrame {
  readonly providerLabel: LocalText;
  readonly title: LocalText;
}

export function page(frame: PageFrame, body: string): string {
  return `<!DOCTYPE html>
<html lang="uk">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(frame.title.uk)} — ${escapeHtml(frame.providerLabel.uk)} (${escapeHtml(frame.providerLabel.en)})</title>
<style>${STYLE}</style>
</head>
<body>
<p class="banner" role="note">${escapeHtml(TEST_BANNER)}</p>
<main>
<p>${both(frame.providerLabel)}</p>
${body}
</main>
</body>
</html>`;
}

export interface PersonaGroup {
  readonly heading: LocalText;
  readonly personas: readonly Persona[];
}

export interface PickerView {
  readonly providerLabel: LocalText;
  readonly uid: string;
  readonly clientId: string;
  readonly groups: readonly PersonaGroup[];
}

export function personaPickerPage(view: PickerView): string {
  const action = `/interaction/${encodeURIComponent(view.uid)}`;
  const groups = view.groups
    .filter((g) => g.personas.length > 0)
    .map((g) => `<h2>${both(g.heading)}</h2>
<ul>
${g.personas.map(personaButton).join('\n')}
</ul>`)
    .join('\n');
  const title = { uk: 'Оберіть, ким увійти', en: 'Choose who to sign in as' };
  return page({ providerLabel: view.providerLabel, title }, `<h1>${both(title)}</h1>
<p>Вхід до сервісу <code>${escapeHtml(view.clientId)}</code>. Паролів немає: натисніть на особу.
<span lang="en" class="en">Signing in to <code>${escapeHtml(view.clientId)}</code>. There are no passwords: press a person.</span></p>
<form method="post" action="${escapeHtml(action)}/login">
${groups}
</form>
<form method="post" action="${escapeHtml(action)}/abort">
<p><button type="submit" class="secondary">Скасувати <span lang="en" class="en">Cancel</span></button></p>
</form>`);
}

function personaButton(persona: Persona): string {
  return `<li><button type="submit" name="persona" value="${escapeHtml(persona.id)}">`
    + `${escapeHtml(persona.displayName.uk)} <span lang="en" class="en">${escapeHtml(persona.displayName.en)}</span>`
    + `<span class="desc">${both(persona.description)}</span></button></li>`;
}

/** `form` is the provider's own `<form id="op.logoutForm">` with its hidden xsrf field. */
export function logoutConfirmPage(providerLabel: LocalText, form: string): string {
  const buttons = `<p><button type="submit" name="logout" value="yes">Так, вийти <span lang="en" class="en">Yes, sign me out</span></button></p>
<p><button type="submit" class="secondary">Ні, залишитися <span lang="en" class="en">No, stay signed in</span></button></p>`;
  const title = { uk: 'Вийти з тестового eID?', en: 'Sign out of the test eID?' };
  return page({ providerLabel, title }, `<h1>${both(title)}</h1>
${form.replace('</form>', `${buttons}</form>`)}`);
}

export function loggedOutPage(providerLabel: LocalText): string {
  const title = { uk: 'Ви вийшли', en: 'You have signed out' };
  return page({ providerLabel, title }, `<h1>${both(title)}</h1>`);
}

export function errorPage(providerLabel: LocalText, error: string, description: string | undefined): string {
  const title = { uk: 'Помилка входу', en: 'Sign-in error' };
  return page({ providerLabel, title }, `<h1>${both(title)}</h1>
<p><code>${escapeHtml(error)}</code></p>
${description === undefined ? '' : `<p lang="en">${escapeHtml(description)}</p>`}`);
}
