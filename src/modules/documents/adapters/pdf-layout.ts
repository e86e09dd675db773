/**
 * A top-to-bottom flow of text over A4 pages: each block is wrapped to the column, and a block that
 * does not fit continues on a new page line by line. Only the renderer uses it.
 */
import { type PDFDocument, type PDFFont, type PDFImage, type PDFPage, rgb } from 'pdf-lib';
import { wrapText } from '../wrap-text.ts';

/** A4 in PostScript points. */
const PAGE: [number, number] = [595.28, 841.89];
/** 20 mm. */
const MARGIN = 56.69;
/** Room under the text for the page mark. */
const FOOT = 36;
const INK = rgb(0, 0, 0);
const MUTED = rgb(0.33, 0.33, 0.33);
const LABEL_COLUMN = 170;
const COLUMN_GAP = 12;

export interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

export interface TextStyle {
  readonly font: PDFFont;
  readonly size: number;
  /** Baseline to baseline. */
  readonly leading: number;
  readonly muted?: boolean;
}

export class PageFlow {
  private page: PDFPage;
  /** The top of the next line (its baseline is one font size lower). */
  private y = 0;

  constructor(private readonly doc: PDFDocument) {
    this.page = this.newPage();
  }

  /** The text column's width. */
  get width(): number {
    return PAGE[0] - 2 * MARGIN;
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** A paragraph, wrapped to the column (or to `width` from `indent`). */
  text(text: string, style: TextStyle, indent = 0, width = this.width - indent): void {
    for (const line of this.wrap(text, style, width)) {
      this.line(line, style, indent);
    }
  }

  /** A label and its value side by side; a long value wraps in its own column. */
  row(label: string, value: string, labelStyle: TextStyle, valueStyle: TextStyle): void {
    const valueX = LABEL_COLUMN + COLUMN_GAP;
    const labels = this.wrap(label, labelStyle, LABEL_COLUMN);
    const values = this.wrap(value, valueStyle, this.width - valueX);
    const leading = Math.max(labelStyle.leading, valueStyle.leading);
    for (let i = 0; i < Math.max(labels.length, values.length); i += 1) {
      this.ensure(leading);
      this.draw(labels[i] ?? '', labelStyle, 0);
      this.draw(values[i] ?? '', valueStyle, valueX);
      this.y -= leading;
    }
  }

  /** A thin line across the column. */
  rule(): void {
    this.ensure(8);
    this.page.drawLine({
      start: { x: MARGIN, y: this.y - 4 },
      end: { x: PAGE[0] - MARGIN, y: this.y - 4 },
      thickness: 0.6,
      color: MUTED,
    });
    this.y -= 8;
  }

  /** The image at the left with the text beside it, kept together on one page. */
  figure(image: PDFImage, size: number, text: readonly string[], style: TextStyle): void {
    const indent = size + 2 * COLUMN_GAP;
    const lines = text.flatMap((t) => this.wrap(t, style, this.width - indent));
    this.ensure(Math.max(size, lines.length * style.leading));
    const top = this.y;
    this.page.drawImage(image, { x: MARGIN, y: top - size, width: size, height: size });
    for (const line of lines) {
      this.line(line, style, indent);
    }
    this.y = Math.min(this.y, top - size);
  }

  /** Draws `mark(page, pages)` at the foot of every page; call once the flow is complete. */
  stampPages(mark: (page: number, pages: number) => string, style: TextStyle): void {
    const pages = this.doc.getPages();
    pages.forEach((page, index) => {
      page.drawText(mark(index + 1, pages.length), { x: MARGIN, y: FOOT - style.size, size: style.size, font: style.font, color: MUTED });
    });
  }

  private wrap(text: string, style: TextStyle, width: number): string[] {
    return wrapText(text, width, (s) => style.font.widthOfTextAtSize(s, style.size));
  }

  private line(text: string, style: TextStyle, indent: number): void {
    this.ensure(style.leading);
    this.draw(text, style, indent);
    this.y -= style.leading;
  }

  private draw(text: string, style: TextStyle, indent: number): void {
    if (text === '') {
      return;
    }
    this.page.drawText(text, {
      x: MARGIN + indent,
      y: this.y - style.size,
      size: style.size,
      font: style.font,
      color: style.muted === true ? MUTED : INK,
    });
  }

  /** Starts a new page unless `height` more points fit above the foot. */
  private ensure(height: number): void {
    if (this.y - height < MARGIN + FOOT / 2) {
      this.page = this.newPage();
    }
  }

  private newPage(): PDFPage {
    const page = this.doc.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
    return page;
  }
}
