/**
 * Letters for a window envelope (DIN 5008, C5/C4 window at the left): A4 pages whose address block is
 * 85 × 45 mm at 20 mm from the left and 45 mm from the top, with the sender's line above it; then the
 * date, the case number, the subject and the text. Several letters make one PDF, each from a new page,
 * for the print room.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFPage, rgb } from 'pdf-lib';
import type { Lang } from '../../../kernel/text.ts';
import { kyivTime } from '../kyiv-date.ts';
import { wrapText } from '../wrap-text.ts';
import { documentFonts } from './fonts.ts';
import type { Fonts } from './pdf-layout.ts';

/** One letter as printed. */
export interface LetterInput {
  readonly lang: Lang;
  /** The agency that sends it. */
  readonly sender: string;
  /** The recipient's address block, lines separated by newlines. */
  readonly address: string;
  readonly date: Date;
  readonly caseNumber: string;
  /** What the number names: a case (the default) or a citizen's appeal. */
  readonly reference?: 'case' | 'appeal';
  readonly subject: string;
  readonly body: string;
  /** A PDF enclosed with the letter (a sealed decision): its pages are printed after the letter's. */
  readonly enclosure?: Uint8Array;
}

const MM = 72 / 25.4;
const PAGE: [number, number] = [210 * MM, 297 * MM];
const LEFT = 20 * MM;
const RIGHT = 20 * MM;
const BOTTOM = 20 * MM;
/** The address window: 85 × 45 mm, its top 45 mm from the page's top. */
export const ADDRESS_WINDOW = { left: 20 * MM, top: 45 * MM, width: 85 * MM, height: 45 * MM } as const;
/** The sender's line sits in the window's top 5 mm (the return address zone), the address under it. */
const SENDER_ZONE = 5 * MM;
/** The date and the reference start under the window, at 98.46 mm (DIN 5008 form B's information block). */
const TEXT_TOP = 98.46 * MM;
const INK = rgb(0, 0, 0);
const MUTED = rgb(0.33, 0.33, 0.33);
const REGULAR_NAME = 'PRTCRG+DejaVuSans';
const BOLD_NAME = 'PRTCBD+DejaVuSans-Bold';

const WORDS: Record<Lang, { date: string; caseNumber: string; appealNumber: string; page: (n: number, of: number) => string }> = {
  uk: { date: 'Дата', caseNumber: 'Номер справи', appealNumber: 'Номер звернення', page: (n, of) => `Сторінка ${n} з ${of}` },
  en: { date: 'Date', caseNumber: 'Case number', appealNumber: 'Appeal number', page: (n, of) => `Page ${n} of ${of}` },
};

const MONTHS: Record<Lang, readonly string[]> = {
  uk: ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

function letterDate(at: Date, lang: Lang): string {
  const t = kyivTime(at);
  const month = MONTHS[lang][t.month - 1] ?? String(t.month);
  return lang === 'uk' ? `${t.day} ${month} ${t.year} р.` : `${t.day} ${month} ${t.year}`;
}

/** One PDF of these letters, each starting on a new page (a letter longer than a page continues on the next). */
export async function renderLetters(letters: readonly LetterInput[]): Promise<Uint8Array> {
  const fontBytes = await documentFonts();
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const fonts: Fonts = {
    regular: await doc.embedFont(fontBytes.regular, { subset: true, customName: REGULAR_NAME }),
    bold: await doc.embedFont(fontBytes.bold, { subset: true, customName: BOLD_NAME }),
  };
  doc.setProducer('Portico');
  doc.setCreator('Portico');
  for (const letter of letters) {
    drawLetter(doc, fonts, letter);
    if (letter.enclosure !== undefined) {
      const enclosed = await PDFDocument.load(letter.enclosure);
      for (const page of await doc.copyPages(enclosed, enclosed.getPageIndices())) {
        doc.addPage(page);
      }
    }
  }
  if (letters.length === 0) {
    doc.addPage(PAGE);
  }
  return doc.save({ useObjectStreams: true });
}

function drawLetter(doc: PDFDocument, fonts: Fonts, l: LetterInput): void {
  const width = PAGE[0] - LEFT - RIGHT;
  const wrap = (text: string, size: number, bold: boolean, w = width) =>
    wrapText(text, w, (s) => (bold ? fonts.bold : fonts.regular).widthOfTextAtSize(s, size));
  let page: PDFPage = doc.addPage(PAGE);
  const pages: PDFPage[] = [page];
  const text = (s: string, x: number, yTop: number, size: number, bold = false, muted = false) => {
    if (s !== '') {
      page.drawText(s, { x, y: PAGE[1] - yTop - size, size, font: bold ? fonts.bold : fonts.regular, color: muted ? MUTED : INK });
    }
  };

  // The sender's line, small, in the window's top zone; the address under it, inside the window.
  const w = ADDRESS_WINDOW;
  const sender = wrap(l.sender, 7, false, w.width)[0] ?? '';
  text(sender, w.left, w.top + 1 * MM, 7, false, true);
  page.drawLine({ start: { x: w.left, y: PAGE[1] - w.top - SENDER_ZONE + 1 }, end: { x: w.left + w.width, y: PAGE[1] - w.top - SENDER_ZONE + 1 }, thickness: 0.3, color: MUTED });
  const addressLines = wrap(l.address.trim(), 10, false, w.width).slice(0, 9);
  addressLines.forEach((line, i) => text(line, w.left, w.top + SENDER_ZONE + 2 * MM + i * 13, 10));

  // The date and the case number, then the subject and the text.
  let y = TEXT_TOP;
  text(`${WORDS[l.lang].date}: ${letterDate(l.date, l.lang)}`, LEFT, y, 10);
  y += 14;
  text(`${WORDS[l.lang][l.reference === 'appeal' ? 'appealNumber' : 'caseNumber']}: ${l.caseNumber}`, LEFT, y, 10);
  y += 30;
  for (const line of wrap(l.subject, 12, true)) {
    text(line, LEFT, y, 12, true);
    y += 17;
  }
  y += 10;
  for (const line of wrap(l.body, 10.5, false)) {
    if (y + 15 > PAGE[1] - BOTTOM - 20) {
      page = doc.addPage(PAGE);
      pages.push(page);
      y = 20 * MM;
    }
    text(line, LEFT, y, 10.5);
    y += 15;
  }
  pages.forEach((p, i) => {
    p.drawText(`${l.caseNumber} · ${WORDS[l.lang].page(i + 1, pages.length)}`, { x: LEFT, y: BOTTOM - 8, size: 8, font: fonts.regular, color: MUTED });
  });
}
