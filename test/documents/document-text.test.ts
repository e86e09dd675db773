import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, documentText, pageMark } from '../../src/modules/documents/index.ts';
import { LEGAL_BASIS, REFUSAL_GROUND, sampleInput, SUBMISSION_HASH } from './fixtures.ts';

const all = (t: ReturnType<typeof documentText>): string =>
  [t.letterhead, t.title, ...t.lines.flatMap((l) => [l.label, l.value]), ...t.paragraphs, ...t.footer].join('\n');

describe('documentText', () => {
  it('titles each kind in each language', () => {
    const titles = DOCUMENT_KINDS.map((kind) => [documentText(sampleInput(kind, 'uk')).title, documentText(sampleInput(kind, 'en')).title]);
    expect(titles).toEqual([
      ['Квитанція про прийняття заяви', 'Receipt of application'],
      ['Рішення про надання адміністративної послуги', 'Decision to grant the administrative service'],
      ['Рішення про відмову в наданні адміністративної послуги', 'Decision to refuse the administrative service'],
      ['Рішення за принципом мовчазної згоди', 'Decision by silent consent'],
    ]);
  });

  it('lists the numbers, the Kyiv issue date, issuer, service and applicant first', () => {
    const t = documentText(sampleInput('decision-granted', 'en'));
    expect(t.letterhead).toBe('State Migration Service of Ukraine');
    expect(t.lines).toEqual([
      { label: 'Document number', value: '2026-000123-D1' },
      { label: 'Case number', value: '2026-000123' },
      { label: 'Date of issue', value: '1 July 2026, 00:30 (Kyiv time)' },
      { label: 'Issuing authority', value: 'State Migration Service of Ukraine' },
      { label: 'Service', value: 'Issuing a passport for travel abroad' },
      { label: 'Applicant', value: 'Олена Петренко' },
    ]);
  });

  it('names the represented party and adds the extra lines in the chosen language', () => {
    const t = documentText(sampleInput('receipt', 'uk'));
    expect(t.lines.slice(6)).toEqual([
      { label: 'В інтересах', value: 'ТОВ «Сонячний степ»' },
      { label: 'Адміністративний збір', value: '782 грн' },
      { label: 'Строк розгляду', value: '20 робочих днів / 20 working days' },
    ]);
  });

  it('prints the submission hash on a receipt', () => {
    for (const lang of ['uk', 'en'] as const) {
      expect(documentText(sampleInput('receipt', lang)).paragraphs.join('\n')).toContain(SUBMISSION_HASH);
    }
  });

  it('says on a silent-consent decision that the term passed, the documents were complete, and cites the law', () => {
    const en = documentText(sampleInput('silent-consent', 'en')).paragraphs.join('\n');
    expect(en).toContain('No decision on it was taken within the statutory term, and that term has passed.');
    expect(en).toContain('complete set of documents');
    expect(en).toContain('by law, on the principle of silent consent');
    expect(en).toContain(`Legal basis: ${LEGAL_BASIS.en}.`);

    const uk = documentText(sampleInput('silent-consent', 'uk')).paragraphs.join('\n');
    expect(uk).toContain('У встановлений законом строк рішення за заявою не прийнято, і цей строк минув.');
    expect(uk).toContain('повним комплектом документів');
    expect(uk).toContain('в силу закону за принципом мовчазної згоди');
    expect(uk).toContain(`Правова підстава: ${LEGAL_BASIS.uk}.`);
  });

  it('does not double the full stop after a legal basis that ends with one', () => {
    const t = documentText(sampleInput('silent-consent', 'en', { legalBasis: { uk: 'Стаття 1.', en: 'Article 1.' } }));
    expect(t.paragraphs.join('\n')).toContain('Legal basis: Article 1.');
    expect(t.paragraphs.join('\n')).not.toContain('Article 1..');
  });

  it('gives the refusal ground, the officer’s reasons and the way to appeal on a refusal', () => {
    const uk = documentText(sampleInput('decision-refused', 'uk')).paragraphs;
    expect(uk).toContain(`Підстава для відмови: ${REFUSAL_GROUND.uk}`);
    expect(uk).toContain('Обґрунтування: Не подано довідку про склад сім’ї.\nЗаявника повідомлено 12.06.2026.');
    expect(uk.at(-1)).toMatch(/оскаржене/);
    const en = documentText(sampleInput('decision-refused', 'en')).paragraphs;
    expect(en).toContain(`Ground for refusal: ${REFUSAL_GROUND.en}`);
    expect(en.at(-1)).toMatch(/appealed/);
  });

  it('ends with how to verify: the URL, in the footer', () => {
    for (const kind of DOCUMENT_KINDS) {
      const t = documentText(sampleInput(kind, 'en'));
      expect(t.footer[0]).toContain('https://portico.example.gov.ua/verify/5d1c2a9e-3f47-4b8e-9a61-0c2f7e4d8b13');
      expect(t.footer[0]).toMatch(/genuine and has not been revoked/);
    }
  });

  it('writes an English document without Ukrainian wording (names are printed as given)', () => {
    for (const kind of DOCUMENT_KINDS) {
      const t = documentText(sampleInput(kind, 'en', { applicantName: 'Olena Petrenko', representedName: null, reasons: null, lines: [] }));
      expect(all(t)).not.toMatch(/[А-Яа-яЄєІіЇїҐґ]/);
    }
  });

  it('refuses a document that would prove nothing', () => {
    expect(() => documentText(sampleInput('decision-refused', 'uk', { refusalGround: null }))).toThrow(/refusalGround/);
    expect(() => documentText(sampleInput('silent-consent', 'uk', { legalBasis: null }))).toThrow(/legalBasis/);
    expect(() => documentText(sampleInput('receipt', 'uk', { submissionHash: null }))).toThrow(/submissionHash/);
    expect(() => documentText(sampleInput('receipt', 'uk', { submissionHash: 'ABC' }))).toThrow(/submissionHash/);
    expect(() => documentText(sampleInput('decision-granted', 'uk', { issuedAt: new Date('nope') }))).toThrow(/issuedAt/);
  });

  it('marks pages with the document number', () => {
    expect(pageMark('uk', '2026-000123-D1', 1, 2)).toBe('Документ № 2026-000123-D1 · сторінка 1 з 2');
    expect(pageMark('en', '2026-000123-D1', 2, 2)).toBe('Document no. 2026-000123-D1 · page 2 of 2');
  });
});
