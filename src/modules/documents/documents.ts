/**
 * The documents a case produces (receipts and decisions) and what each one says. Pure: the PDF
 * renderer (`adapters/pdf.renderer.ts`) only lays out what `documentText` returns, so every word on
 * a document can be checked here without fonts or files.
 */
import type { Lang, LocalText } from '../../kernel/text.ts';
import { type Facts, WORDING } from './document-wording.ts';
import { formatIssuedAt } from './kyiv-date.ts';

export const DOCUMENT_KINDS = ['receipt', 'decision-granted', 'decision-refused', 'silent-consent'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Everything printed on one document. Nothing else reaches the PDF. */
export interface DocumentInput {
  readonly kind: DocumentKind;
  readonly lang: Lang;
  /** The document's own number, e.g. "2026-000123-D1"; unique. */
  readonly documentNumber: string;
  /** The case it belongs to, e.g. "2026-000123". */
  readonly caseNumber: string;
  readonly issuedAt: Date;
  /** The agency's name. */
  readonly issuer: LocalText;
  readonly serviceName: LocalText;
  /** Who applied. */
  readonly applicantName: string;
  /** The party applied for, when not the applicant (a company, a child); null otherwise. */
  readonly representedName: string | null;
  /** Further facts: submitted answers on a receipt, the fee, the due date. */
  readonly lines: ReadonlyArray<{ readonly label: LocalText; readonly value: string }>;
  /** The officer's reasons (free text, line feeds kept); printed on decisions. */
  readonly reasons: string | null;
  /** The legal ground of a refusal; required for `decision-refused`. */
  readonly refusalGround: LocalText | null;
  /** The law that grants silent consent; required for `silent-consent`. */
  readonly legalBasis: LocalText | null;
  /** SHA-256 (hex) of what was submitted; required for `receipt`. */
  readonly submissionHash: string | null;
  /** Printed and encoded in the QR code; it names the document, never the person. */
  readonly verificationUrl: string;
}

export interface DocumentLine {
  readonly label: string;
  readonly value: string;
}

/** A document's content in its language, in reading order. */
export interface DocumentText {
  /** The issuing agency, printed above the title. */
  readonly letterhead: string;
  readonly title: string;
  readonly lines: readonly DocumentLine[];
  readonly paragraphs: readonly string[];
  readonly footer: readonly string[];
}

/**
 * Why an input cannot make a document of its kind. A refusal without its legal ground, a silent
 * consent without the law that grants it or a receipt without the hash it vouches for would be a
 * document that proves nothing, so `documentText` refuses them.
 */
export function documentInputProblems(input: DocumentInput): string[] {
  const problems: string[] = [];
  if (input.kind === 'decision-refused' && input.refusalGround === null) {
    problems.push('a refusal needs its refusalGround');
  }
  if (input.kind === 'silent-consent' && input.legalBasis === null) {
    problems.push('a silent-consent decision needs its legalBasis');
  }
  if (input.kind === 'receipt' && (input.submissionHash === null || !/^[0-9a-f]{64}$/.test(input.submissionHash))) {
    problems.push('a receipt needs the submissionHash as 64 lower-case hex digits');
  }
  if (Number.isNaN(input.issuedAt.getTime())) {
    problems.push('issuedAt is not a valid date');
  }
  return problems;
}

/** The content of a document; throws on an input that `documentInputProblems` refuses (a caller's bug). */
export function documentText(input: DocumentInput): DocumentText {
  const problems = documentInputProblems(input);
  if (problems.length > 0) {
    throw new TypeError(`documents: ${problems.join('; ')}`);
  }
  const w = WORDING[input.lang];
  const issued = formatIssuedAt(input.issuedAt, input.lang);
  const facts: Facts = { service: input.serviceName[input.lang], caseNumber: input.caseNumber, issued };
  return {
    letterhead: input.issuer[input.lang],
    title: w.titles[input.kind],
    lines: documentLines(input, issued),
    paragraphs: paragraphs(input, facts),
    footer: [w.verify(input.verificationUrl), w.portal],
  };
}

/** The mark across every page of a preview: "DRAFT — not issued" in the document's language. */
export function draftMark(lang: Lang): string {
  return WORDING[lang].draft;
}

/** The running mark at the foot of every page, so a loose page still names its document. */
export function pageMark(lang: Lang, documentNumber: string, page: number, pages: number): string {
  return WORDING[lang].page(documentNumber, page, pages);
}

function documentLines(input: DocumentInput, issued: string): DocumentLine[] {
  const { labels } = WORDING[input.lang];
  const lines: DocumentLine[] = [
    { label: labels.documentNumber, value: input.documentNumber },
    { label: labels.caseNumber, value: input.caseNumber },
    { label: labels.issuedAt, value: issued },
    { label: labels.issuer, value: input.issuer[input.lang] },
    { label: labels.service, value: input.serviceName[input.lang] },
    { label: labels.applicant, value: input.applicantName },
  ];
  if (input.representedName !== null) {
    lines.push({ label: labels.represented, value: input.representedName });
  }
  return [...lines, ...input.lines.map((l) => ({ label: l.label[input.lang], value: l.value }))];
}

function paragraphs(input: DocumentInput, facts: Facts): string[] {
  const w = WORDING[input.lang];
  const reasons = input.reasons !== null && input.reasons.trim() !== '' ? [w.reasons(input.reasons.trim())] : [];
  switch (input.kind) {
    case 'receipt':
      return [...w.receipt(facts), w.submissionHash(input.submissionHash ?? '')];
    case 'decision-granted':
      return [...w.granted(facts), ...reasons];
    case 'decision-refused':
      return [...w.refused(facts), w.refusalGround(input.refusalGround?.[input.lang] ?? ''), ...reasons, w.appeal];
    case 'silent-consent':
      return [...w.silentConsent(facts, withoutFinalStop(input.legalBasis?.[input.lang] ?? '')), ...reasons];
  }
}

/** The sentence adds its own full stop after the legal basis. */
const withoutFinalStop = (text: string): string => text.trim().replace(/\.+$/, '');
