/**
 * A service's application form to print, fill in by hand and send by post or bring to a centre: the
 * form definition's pages and questions with room to write, boxes to tick, the documents to enclose,
 * where to send it, and the declaration with a line to sign. Built from the same catalogue form as the
 * online application, so the two never disagree.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { documentFonts } from './fonts.ts';
import { type Fonts, PageFlow, type TextStyle } from './pdf-layout.ts';

/** One question as printed: its wording and how it is answered on paper. */
export interface PrintedQuestion {
  readonly label: string;
  readonly hint?: string;
  /** `line`: one line to write on; `lines`: several; `choices`: a box per option; `yes-no`; `date`; `enclose`: a document to attach. */
  readonly answer: 'line' | 'lines' | 'choices' | 'yes-no' | 'date' | 'enclose';
  readonly choices?: readonly string[];
  /** When the question is asked only after a certain answer: that condition in words. */
  readonly condition?: string;
}

/** The form to print, every text already in the reader's language. */
export interface PrintableForm {
  readonly title: string;
  readonly subtitle: readonly string[];
  readonly instructions: readonly string[];
  readonly sections: ReadonlyArray<{ readonly title: string; readonly intro?: string; readonly questions: readonly PrintedQuestion[] }>;
  readonly declaration: string;
  readonly signature: string;
  readonly words: { readonly yes: string; readonly no: string; readonly date: string; readonly enclose: string; readonly page: (n: number, of: number) => string };
}

const BOX = '☐';

/** The form as a PDF of A4 pages with DejaVu Sans embedded (Ukrainian and English). */
export async function renderFormPdf(form: PrintableForm): Promise<Uint8Array> {
  const fontBytes = await documentFonts();
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const fonts: Fonts = {
    regular: await doc.embedFont(fontBytes.regular, { subset: true }),
    bold: await doc.embedFont(fontBytes.bold, { subset: true }),
  };
  doc.setTitle(form.title);
  doc.setProducer('Portico');
  doc.setCreator('Portico');
  const title: TextStyle = { font: fonts.bold, size: 16, leading: 21 };
  const heading: TextStyle = { font: fonts.bold, size: 12.5, leading: 17 };
  const label: TextStyle = { font: fonts.bold, size: 10.5, leading: 14 };
  const body: TextStyle = { font: fonts.regular, size: 10.5, leading: 14 };
  const small: TextStyle = { font: fonts.regular, size: 9, leading: 12, muted: true };
  const flow = new PageFlow(doc);
  flow.text(form.title, title);
  for (const line of form.subtitle) {
    flow.text(line, small);
  }
  flow.gap(6);
  for (const line of form.instructions) {
    flow.text(line, body);
  }
  let number = 0;
  for (const section of form.sections) {
    flow.gap(10);
    flow.text(section.title, heading);
    if (section.intro !== undefined) {
      flow.text(section.intro, small);
    }
    for (const q of section.questions) {
      number += 1;
      flow.gap(8);
      flow.text(`${number}. ${q.label}`, label);
      if (q.condition !== undefined) {
        flow.text(q.condition, small, 14);
      }
      if (q.hint !== undefined) {
        flow.text(q.hint, small, 14);
      }
      answerSpace(flow, q, body, form.words);
    }
  }
  flow.gap(14);
  flow.text(form.declaration, body);
  flow.gap(22);
  flow.rule();
  flow.text(form.signature, small);
  flow.stampPages(form.words.page, small);
  return doc.save({ useObjectStreams: false });
}

function answerSpace(flow: PageFlow, q: PrintedQuestion, body: TextStyle, words: PrintableForm['words']): void {
  switch (q.answer) {
    case 'choices':
      for (const choice of q.choices ?? []) {
        flow.text(`${BOX} ${choice}`, body, 14);
      }
      return;
    case 'yes-no':
      flow.text(`${BOX} ${words.yes}     ${BOX} ${words.no}`, body, 14);
      return;
    case 'date':
      flow.text(`${words.date}:  ___ . ___ . ______`, body, 14);
      return;
    case 'enclose':
      flow.text(`${BOX} ${words.enclose}`, body, 14);
      return;
    case 'lines':
      for (let i = 0; i < 4; i += 1) {
        flow.gap(14);
        flow.rule();
      }
      return;
    case 'line':
      flow.gap(14);
      flow.rule();
  }
}
