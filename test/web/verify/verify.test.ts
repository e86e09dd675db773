import { describe, expect, it } from 'vitest';

import { renderPage } from '../../../src/web/common/render.ts';
import { translator } from '../../../src/web/locales/messages.ts';
import { VerifyPage, type VerifyView } from '../../../src/web/verify/verify.page.tsx';
import { hexGroups, verdictOf } from '../../../src/web/verify/verify.view.ts';

describe('verdictOf', () => {
  it('a seal that does not verify outweighs the status; a genuine document is valid unless revoked', () => {
    expect(verdictOf({ sealValid: false, status: 'valid' })).toMatchObject({ verdict: 'notAuthentic', tagColour: 'red', banner: 'important' });
    expect(verdictOf({ sealValid: true, status: 'revoked' })).toMatchObject({ verdict: 'revoked', tag: 'verify.tagRevoked', tagColour: 'red' });
    expect(verdictOf({ sealValid: true, status: 'valid' })).toMatchObject({ verdict: 'valid', tag: 'verify.tagValid', tagColour: 'green', banner: 'success' });
  });

  it('cuts a checksum into groups that join back to it', () => {
    const hash = 'ab'.repeat(32);
    expect(hexGroups(hash)).toHaveLength(8);
    expect(hexGroups(hash).join('')).toBe(hash);
  });
});

describe('the verification page', () => {
  const view: VerifyView = {
    kind: 'decision-granted', number: 'D-2026-000001', caseNumber: '2026-000001', issuer: { uk: 'Державна міграційна служба', en: 'State Migration Service' },
    issuedAt: new Date('2026-12-03T10:15:00Z'), status: 'revoked', sealValid: true, sha256: '0123456789abcdef'.repeat(4), keyId: 'seal-2026',
  };
  const render = (lang: 'uk' | 'en', v: VerifyView | null) => renderPage(VerifyPage({ ctx: { t: translator(lang), lang, url: `/${lang}/verify/x` }, view: v }));

  it('shows the verdict in a banner and the status as a tag, the date in local words', () => {
    const html = render('uk', view);
    expect(html).toContain('class="govuk-notification-banner"');
    expect(html).toContain('<strong class="govuk-tag govuk-tag--red">Відкликаний</strong>');
    expect(html).toContain('3 грудня 2026');
    expect(html).not.toContain('2026-12-03');
    const valid = render('en', { ...view, status: 'valid' });
    expect(valid).toContain('govuk-notification-banner--success');
    expect(valid).toContain('<strong class="govuk-tag govuk-tag--green">Valid</strong>');
  });

  it('lets the checksum wrap between groups, and copies back whole', () => {
    const html = render('en', view);
    const code = /<code class="[^"]*" id="document-hash">(.*?)<\/code>/.exec(html)?.[1] ?? '';
    expect(code.split('<wbr/>').length).toBe(8);
    expect(code.replace(/<wbr\/>/g, '')).toBe(view.sha256);
  });

  it('says so when the reference is unknown', () => {
    expect(render('en', null)).toContain('govuk-notification-banner');
  });
});
