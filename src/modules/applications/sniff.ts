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

/** A file name safe to show and to send back in Content-Disposition: no path, no control characters, bounded. */
export function cleanFilename(name: string, type: AttachmentType): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const stripped = base.replace(/[\u0000-\u001f\u007f-\u009f"]/g, '').trim();
  // Bounded by characters (never splitting a surrogate pair), keeping the extension of a long name.
  const chars = Array.from(stripped);
  const dot = stripped.lastIndexOf('.');
  const extension = dot > 0 && stripped.length - dot <= 10 ? Array.from(stripped.slice(dot)) : [];
  const cleaned = chars.length <= 120 ? stripped : [...chars.slice(0, 120 - extension.length), ...extension].join('');
  const fallback = { 'application/pdf': 'document.pdf', 'image/jpeg': 'image.jpg', 'image/png': 'image.png' }[type];
  return cleaned === '' ? fallback : cleaned;
}

/** Whether an upload fits a form's file question: the question exists, the file is not empty, within the size limit and of an accepted type. */
export function checkUpload(form: ApplicationForm, field: string, bytes: Uint8Array): AttachmentType | { problem: 'not-a-file-question' | 'file-empty' | 'file-too-large' | 'file-type' } {
  if (!form.pages.some((p) => p.fields.some((f) => f.name === field && f.kind === 'file'))) {
    return { problem: 'not-a-file-question' };
  }
  if (bytes.length === 0) {
    return { problem: 'file-empty' };
  }
  if (bytes.length > form.maxAttachmentMb * 1024 * 1024) {
    return { problem: 'file-too-large' };
  }
  return sniffType(bytes) ?? { problem: 'file-type' };
}
