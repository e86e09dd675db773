import type { ApplicationForm } from '../forms/index.ts';

/** The file types an application accepts, recognised by their first bytes, never by name or declared type. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

const SIGNATURES: ReadonlyArray<{ type: AttachmentType; bytes: readonly number[] }> = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The type of a file by its content (magic number), or null when it is none of the accepted ones. */
export function sniffType(bytes: Uint8Array): AttachmentType | null {
  return SIGNATURES.find((s) => s.bytes.length <= bytes.length && s.bytes.every((b, i) => bytes[i] === b))?.type ?? null;
}

/** The extensions a name may keep for each type; any other gives way to the first. */
const EXTENSIONS: Readonly<Record<AttachmentType, readonly string[]>> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
};
const FALLBACK_STEM: Readonly<Record<AttachmentType, string>> = { 'application/pdf': 'document', 'image/jpeg': 'image', 'image/png': 'image' };
const MAX_NAME = 120;

/**
 * A file name safe to show and to send back in Content-Disposition: no path; no control (Cc) or
 * format (Cf: bidi controls, zero-width) characters, line or paragraph separators, or quotes; bounded;
 * and always ending with the extension of the type found in the content (`invoice.html` holding a
 * PDF becomes `invoice.pdf`).
 */
export function cleanFilename(name: string, type: AttachmentType): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const stripped = base.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}"]/gu, '').trim().replace(/^\.+/, '').replace(/[.\s]+$/, '');
  const allowed = EXTENSIONS[type];
  const dot = stripped.lastIndexOf('.');
  const given = dot > 0 ? stripped.slice(dot).toLowerCase() : '';
  const keeps = allowed.includes(given);
  // A short alphanumeric tail is an extension to replace; anything else is part of the name.
  const replaces = !keeps && /^\.[\p{L}\p{N}]{1,10}$/u.test(given);
  const stem = (keeps || replaces ? stripped.slice(0, dot) : stripped).trim();
  const extension = keeps ? stripped.slice(dot) : (allowed[0] as string);
  // Bounded by characters (never splitting a surrogate pair), keeping the extension.
  const bounded = Array.from(stem).slice(0, MAX_NAME - extension.length).join('').trim();
  return `${bounded === '' ? FALLBACK_STEM[type] : bounded}${extension}`;
}

/** The service's own size limit for one file, in bytes. */
export const uploadLimitBytes = (form: Pick<ApplicationForm, 'maxAttachmentMb'>): number => form.maxAttachmentMb * 1024 * 1024;

/** Whether an upload fits a form's file question (null: a file answering an information request): the question exists, the file is not empty, within the size limit and of an accepted type. */
export function checkUpload(form: Pick<ApplicationForm, 'pages' | 'maxAttachmentMb'>, field: string | null, bytes: Uint8Array, truncated = false): AttachmentType | { problem: 'not-a-file-question' | 'file-empty' | 'file-too-large' | 'file-type' } {
  if (field !== null && !form.pages.some((p) => p.fields.some((f) => f.name === field && f.kind === 'file'))) {
    return { problem: 'not-a-file-question' };
  }
  // A stream cut at the limit (`truncated`) is too large whatever was kept of it.
  if (truncated || bytes.length > uploadLimitBytes(form)) {
    return { problem: 'file-too-large' };
  }
  if (bytes.length === 0) {
    return { problem: 'file-empty' };
  }
  return sniffType(bytes) ?? { problem: 'file-type' };
}
