import { beforeAll, describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { DOCUMENT_KINDS, documentText, renderPdf } from '../../src/modules/documents/index.ts';
import { ISSUED_AT, sampleInput } from './fixtures.ts';
import { missing, pdfText, qrCodes } from './pdf-tools.ts';

const LANGS = ['uk', 'en'] as const;
const cases = DOCUMENT_KINDS.flatMap((kind) => LANGS.map((lang) => ({ kind, lang })));

/** FontName → whether its descriptor carries an embedded TrueType file. */
function embeddedFonts(doc: PDFDocument): Map<string, boolean> {
  const fonts = new Map<string, boolean>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('FontDescriptor')) {
      const name = object.get(PDFName.of('FontName'));
      fonts.set(name instanceof PDFName ? name.decodeText() : '?', object.get(PDFName.of('FontFile2')) !== undefined);
    }
  }
  return fonts;
}

describe('renderPdf', () => {
  beforeAll(() => {
    const why = missing('pdftotext', 'pdftoppm', 'zbarimg');
    if (why !== null) {
      console.warn(`documents: the text and QR checks of the PDFs are skipped (${why})`);
    }
  });

  it.each(cases)('renders a valid PDF of $kind in $lang with the fonts and metadata', async (input) => {
    const pdf = await renderPdf(sampleInput(input.kind, input.lang));
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    expect(embeddedFonts(doc)).toEqual(new Map([['PRTCRG+DejaVuSans', true], ['PRTCBD+DejaVuSans-Bold', true]]));
    expect(doc.getTitle()).toBe(`${documentText(sampleInput(input.kind, input.lang)).title} — 2026-000123-D1`);
    expect(doc.getProducer()).toBe('Portico');
    expect(doc.getCreationDate()?.toISOString()).toBe(ISSUED_AT.toISOString());
    expect(doc.getModificationDate()?.toISOString()).toBe(ISSUED_AT.toISOString());
    const lang = doc.catalog.get(PDFName.of('Lang'));
    expect(lang instanceof PDFString ? lang.decodeText() : lang).toBe(input.lang);
  });

  it.for(cases)('gives back the title, case number and URL as text: $kind in $lang', async (input, { skip }) => {
    const why = missing('pdftotext');
    if (why !== null) {
      skip(why);
    }
    // Lines joined: a long title wraps.
    const text = pdfText(await renderPdf(sampleInput(input.kind, input.lang))).replace(/\s+/g, ' ');
    expect(text).toContain(documentText(sampleInput(input.kind, input.lang)).title);
    expect(text).toContain('2026-000123');
    expect(text).toContain('https://portico.example.gov.ua/verify/5d1c2a9e-3f47-4b8e-9a61-0c2f7e4d8b13');
    if (input.lang === 'uk') {
      expect(text).toContain('Олена Петренко');
    }
  });

  it.for(cases)('encodes the verification URL in a QR code that zbar reads: $kind in $lang', async (input, { skip }) => {
    const why = missing('pdftoppm', 'zbarimg');
    if (why !== null) {
      skip(why);
    }
    const pdf = await renderPdf(sampleInput(input.kind, input.lang));
    expect(qrCodes(pdf)).toEqual(['https://portico.example.gov.ua/verify/5d1c2a9e-3f47-4b8e-9a61-0c2f7e4d8b13']);
  });

  it('keeps every letter extractable in a document rendered after one in another script', async ({ skip }) => {
    // Cyrillic а, е, о, і in DejaVu are composites of the Latin glyphs: a font object shared between
    // documents once lost those letters from the second document's ToUnicode map.
    const why = missing('pdftotext');
    if (why !== null) {
      skip(why);
    }
    await renderPdf(sampleInput('decision-refused', 'uk'));
    const text = pdfText(await renderPdf(sampleInput('decision-granted', 'en')));
    expect(text).toContain('Having considered the application in case 2026-000123');
    expect(text).toContain('State Migration Service of Ukraine');
  });

  it('carries long reasons over several pages, each marked, with the QR code on the last', async ({ skip }) => {
    const why = missing('pdftotext', 'pdftoppm', 'zbarimg');
    if (why !== null) {
      skip(why);
    }
    const reasons = Array.from({ length: 150 }, (_, i) => `Обставина ${i + 1}: заявник не подав документ, що підтверджує право.`).join(' ');
    const pdf = await renderPdf(sampleInput('decision-refused', 'uk', { reasons: `${reasons}\n\nКІНЕЦЬ-ОБҐРУНТУВАННЯ` }));
    const doc = await PDFDocument.load(pdf);
    const pages = doc.getPageCount();
    expect(pages).toBeGreaterThan(2);
    const text = pdfText(pdf);
    expect(text).toContain('Обставина 150:');
    expect(text).toContain('КІНЕЦЬ-ОБҐРУНТУВАННЯ');
    for (let page = 1; page <= pages; page += 1) {
      expect(text).toContain(`сторінка ${page} з ${pages}`);
    }
    expect(qrCodes(pdf)).toHaveLength(1);
  });

  it('cuts a word longer than a line instead of letting it run off the page', async ({ skip }) => {
    const why = missing('pdftotext');
    if (why !== null) {
      skip(why);
    }
    const pdf = await renderPdf(sampleInput('decision-granted', 'en', { reasons: 'X'.repeat(400) }));
    const lines = pdfText(pdf).split('\n').filter((l) => /^(Reasons: )?X+$/.test(l));
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.join('').replace('Reasons: ', '')).toBe('X'.repeat(400));
  });
});
