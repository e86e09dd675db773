/** The documents module's public surface: what receipts and decisions say, their PDFs, their seals. */
export {
  DOCUMENT_KINDS,
  type DocumentInput,
  documentInputProblems,
  type DocumentKind,
  type DocumentLine,
  type DocumentText,
  documentText,
  draftMark,
  pageMark,
} from './documents.ts';
export { formatIssuedAt } from './kyiv-date.ts';
export { SEAL_FORMAT, type SealedFields, sealedPayload } from './seal-payload.ts';
export { renderPdf } from './adapters/pdf.renderer.ts';
export { type LetterInput, renderLetters } from './adapters/letter.renderer.ts';
export { type PrintableForm, type PrintedQuestion, renderFormPdf } from './adapters/form.renderer.ts';
export { type SealKey, sealKeyFor, sha256Hex, verifySeal } from './adapters/ed25519.seal.ts';
export {
  checkStoredSeal,
  createDocumentIssuer,
  type DocumentIssuer,
  type IssueDocument,
  type SealCheck,
  type SealedPdf,
  type StoredSeal,
} from './adapters/sealed-documents.ts';
