/**
 * A document as PDF bytes: pdf-lib lays out what `documentText` says, with DejaVu Sans embedded
 * (subset) and a QR code of the verification address.
 *
 * Deterministic: the same input gives the same bytes, on any day, so a document can be rendered
 * again and compared with the hash its seal covers. What would vary is pinned: pdf-lib stamps the
 * current time into the info dictionary (off: `updateMetadata: false`, then both dates = issuedAt);
 * its "random" resource names come from a generator seeded per document (fixed seed); subset font
 * names get a fixed tag instead of a random suffix; the file identifier is a hash of the input rather
 * than absent. Byte equality holds across runs of the same pdf-lib, fontkit, qrcode and font files;
 * upgrading any of them may change the bytes (never the seals already made, which cover stored bytes).
 */
import { createHash } from 'node:crypto';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFHexString, degrees, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { canonicalJson } from '../../../kernel/canonical-json.ts';
import { type DocumentInput, type DocumentText, documentText, draftMark, pageMark } from '../documents.ts';
import { documentFonts } from './fonts.ts';
import { type Fonts, PageFlow, type TextStyle } from './pdf-layout.ts';

/**
 * PDF subset fonts are named TAG+PostScriptName with a six-letter tag, different for each subset in
 * a file. pdf-lib would append a random number instead; fixed tags keep the output stable.
 */
const REGULAR_NAME = 'PRTCRG+DejaVuSans';
const BOLD_NAME = 'PRTCBD+DejaVuSans-Bold';
/** About 35 mm: scans from paper and from a screen. */
const QR_SIZE = 100;

/**
 * `draft`: a preview before issue. Every page carries "DRAFT — not issued" across it and at its top;
 * a draft is never sealed or stored, and its verification address leads nowhere.
 */
export async function renderPdf(input: DocumentInput, options: { readonly draft?: boolean } = {}): Promise<Uint8Array> {
  const text = documentText(input);
  const [fontBytes, qrPng] = await Promise.all([
    documentFonts(),
    QRCode.toBuffer(input.verificationUrl, { errorCorrectionLevel: 'M', margin: 4, scale: 4 }),
  ]);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const fonts: Fonts = {
    regular: await doc.embedFont(fontBytes.regular, { subset: true, customName: REGULAR_NAME }),
    bold: await doc.embedFont(fontBytes.bold, { subset: true, customName: BOLD_NAME }),
  };
  const qr = await doc.embedPng(qrPng);
  describe(doc, input, text);

  const style = styles(fonts);
  const flow = new PageFlow(doc);
  flow.text(text.letterhead, style.letterhead);
  flow.gap(10);
  flow.text(text.title, style.title);
  flow.rule();
  flow.gap(6);
  for (const line of text.lines) {
    flow.row(line.label, line.value, style.label, style.body);
  }
  flow.gap(14);
  for (const paragraph of text.paragraphs) {
    flow.text(paragraph, style.body);
    flow.gap(7);
  }
  flow.gap(14);
  flow.figure(qr, QR_SIZE, text.footer, style.small);
  flow.stampPages((page, pages) => pageMark(input.lang, input.documentNumber, page, pages), style.small);
  if (options.draft === true) {
    stampDraft(doc, draftMark(input.lang), fonts);
  }
  return doc.save({ useObjectStreams: true });
}

function styles(fonts: Fonts): Record<'letterhead' | 'title' | 'label' | 'body' | 'small', TextStyle> {
  return {
    letterhead: { font: fonts.bold, size: 11, leading: 15, muted: true },
    title: { font: fonts.bold, size: 16, leading: 21 },
    label: { font: fonts.regular, size: 9.5, leading: 14, muted: true },
    body: { font: fonts.regular, size: 10.5, leading: 15 },
    small: { font: fonts.regular, size: 8.5, leading: 12 },
  };
}

const DRAFT_INK = rgb(0.75, 0.1, 0.1);

/** The draft mark, large and diagonal across each page and small above its text, so no page passes for an issued one. */
function stampDraft(doc: PDFDocument, mark: string, fonts: Fonts): void {
  for (const page of doc.getPages()) {
    const { width, height } = page.getSize();
    const size = 44;
    const length = fonts.bold.widthOfTextAtSize(mark, size);
    const diagonal = Math.atan2(height, width);
    const x = width / 2 - (Math.cos(diagonal) * length) / 2;
    const y = height / 2 - (Math.sin(diagonal) * length) / 2;
    page.drawText(mark, { x, y, size, font: fonts.bold, color: DRAFT_INK, opacity: 0.25, rotate: degrees((diagonal * 180) / Math.PI) });
    page.drawText(mark, { x: 56.69, y: height - 30, size: 10, font: fonts.bold, color: DRAFT_INK });
  }
}

/** The info dictionary and catalogue entries a reader shows; no personal data goes here. */
function describe(doc: PDFDocument, input: DocumentInput, text: DocumentText): void {
  doc.setTitle(`${text.title} — ${input.documentNumber}`, { showInWindowTitleBar: true });
  doc.setAuthor(input.issuer[input.lang]);
  doc.setLanguage(input.lang);
  doc.setProducer('Portico');
  doc.setCreator('Portico');
  doc.setCreationDate(input.issuedAt);
  doc.setModificationDate(input.issuedAt);
  // The trailer /ID (PDF 32000-1, 14.4) that readers and archives expect: derived from the input, so
  // two different documents never share one and the same document always has the same.
  const id = PDFHexString.of(fileId(input, text));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
}

/** From what the document shows (not the whole input object, which may carry more properties). */
function fileId(input: DocumentInput, text: DocumentText): string {
  const json = canonicalJson({ text, kind: input.kind, lang: input.lang, issuedAt: input.issuedAt.toISOString() });
  return createHash('sha256').update(json).digest('hex').slice(0, 32).toUpperCase();
}
