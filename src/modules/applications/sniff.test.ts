/** Uploads by content: the type from the first bytes, safe file names, and the checks of an upload. */
import { describe, expect, it } from 'vitest';

import type { ApplicationForm } from '../forms/index.ts';
import { checkUpload, cleanFilename, sniffType } from './sniff.ts';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

const PDF = bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF');
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d], 'IHDR');

describe('sniffType', () => {
  it.each<[string, Uint8Array, string]>([
    ['a PDF', PDF, 'application/pdf'],
    ['a JPEG (JFIF)', JPEG, 'image/jpeg'],
    ['a JPEG (Exif)', bytes([0xff, 0xd8, 0xff, 0xe1], 'Exif'), 'image/jpeg'],
    ['a PNG', PNG, 'image/png'],
    ['exactly the PDF signature', bytes('%PDF-'), 'application/pdf'],
    ['exactly the PNG signature', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'],
  ])('recognises %s by its magic number', (_, content, type) => {
    expect(sniffType(content)).toBe(type);
  });

  it.each<[string, Uint8Array]>([
    ['a Windows executable renamed to .pdf', bytes('MZ\x90\x00', 'This program cannot be run in DOS mode')],
    ['an ELF executable', bytes([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01])],
    ['a ZIP (a .docx)', bytes([0x50, 0x4b, 0x03, 0x04])],
    ['a GIF', bytes('GIF89a')],
    ['text', bytes('%PDF is what this file says it is, in words')],
    ['an HTML page', bytes('<!DOCTYPE html><script>alert(1)</script>')],
    ['a PDF signature not at the start', bytes(' %PDF-1.7')],
    ['too short for the PDF signature', bytes('%PDF')],
    ['too short for the JPEG signature', bytes([0xff, 0xd8])],
    ['too short for the PNG signature', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a])],
    ['a PNG signature with one byte wrong', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b, 0x00])],
    ['nothing', new Uint8Array(0)],
  ])('refuses %s', (_, content) => {
    expect(sniffType(content)).toBeNull();
  });
});

describe('cleanFilename', () => {
  it.each<[string, string]>([
    ['scan.pdf', 'scan.pdf'],
    ['паспорт.pdf', 'паспорт.pdf'],
    ['C:\\Users\\olena\\Documents\\скан.pdf', 'скан.pdf'],
    ['../../etc/passwd', 'passwd.pdf'],
    ['/var/tmp/a.png', 'a.pdf'],
    ['a\\b/c.jpg', 'c.pdf'],
    ['  spaced name.pdf  ', 'spaced name.pdf'],
    ['bad\u0000name\n.pdf', 'badname.pdf'],
    ['tab\tand\r\nnewline\u001b[31m.pdf', 'tabandnewline[31m.pdf'],
    ['del\u007f.pdf', 'del.pdf'],
    ['say "hello".pdf', 'say hello.pdf'],
    ['x"; filename="evil.exe', 'x; filename=evil.pdf'],
  ])('makes %j safe as %j', (name, expected) => {
    expect(cleanFilename(name, 'application/pdf')).toBe(expected);
  });

  it('bounds the length', () => {
    const long = `${'я'.repeat(300)}.pdf`;
    const cleaned = cleanFilename(long, 'application/pdf');
    expect(cleaned.length).toBeLessThanOrEqual(120);
    expect(cleaned.length).toBeGreaterThan(0);
    expect(cleaned).toBe(`${'я'.repeat(116)}.pdf`); // the extension survives the cut
  });

  it.each<[string, Parameters<typeof cleanFilename>[1], string]>([
    ['', 'application/pdf', 'document.pdf'],
    ['   ', 'image/jpeg', 'image.jpg'],
    ['folder/', 'image/png', 'image.png'],
    ['C:\\', 'application/pdf', 'document.pdf'],
    ['\u0000\u0001\n', 'image/png', 'image.png'],
    ['""', 'image/jpeg', 'image.jpg'],
  ])('falls back from %j to a name by type', (name, type, expected) => {
    expect(cleanFilename(name, type)).toBe(expected);
  });

  it('removes every control character, C1 included', () => {
    expect(cleanFilename('scan\u0085\u009b31m.pdf', 'application/pdf')).not.toMatch(/\p{Cc}/u);
  });

  it.each<[string, Parameters<typeof cleanFilename>[1], string]>([
    ['invoice.html', 'application/pdf', 'invoice.pdf'],
    ['invoice.HTML', 'application/pdf', 'invoice.pdf'],
    ['report.pdf.html', 'application/pdf', 'report.pdf.pdf'],
    ['photo.jpeg', 'image/jpeg', 'photo.jpeg'],
    ['photo.JPG', 'image/jpeg', 'photo.JPG'],
    ['photo.png', 'image/jpeg', 'photo.jpg'],
    ['scan', 'image/png', 'scan.png'],
    ['.htaccess', 'application/pdf', 'htaccess.pdf'],
    ['name.pdf.', 'application/pdf', 'name.pdf'],
    ['Mr. Smith scan', 'application/pdf', 'Mr. Smith scan.pdf'],
  ])('gives %j of type %s the extension of its type: %j', (name, type, expected) => {
    expect(cleanFilename(name, type)).toBe(expected);
  });

  it.each<[string, string]>([
    ['invoice\u202Efdp.html', 'invoicefdp.pdf'], // RIGHT-TO-LEFT OVERRIDE: would show as "invoicelmth.pdf"
    ['pass\u200Bport.pdf', 'passport.pdf'], // ZERO WIDTH SPACE
    ['\uFEFFscan\u200D\u2066.pdf', 'scan.pdf'], // BOM, ZERO WIDTH JOINER, LEFT-TO-RIGHT ISOLATE
    ['a\u2028b\u2029c.pdf', 'abc.pdf'], // line and paragraph separators
    ['скан\u00ADкопія.pdf', 'сканкопія.pdf'], // SOFT HYPHEN (Cf)
  ])('strips format characters (bidi controls, zero-width) from %j', (name, expected) => {
    const cleaned = cleanFilename(name, 'application/pdf');
    expect(cleaned).toBe(expected);
    expect(cleaned).not.toMatch(/[\p{Cf}\p{Cc}\p{Zl}\p{Zp}]/u);
  });
});

describe('checkUpload', () => {
  const t = (s: string) => ({ uk: s, en: s });
  const form: ApplicationForm = {
    schema: { type: 'object', properties: { name: { type: 'string' }, scan: { type: 'string', format: 'uuid' } } },
    pages: [{ id: 'only', title: t('Only'), fields: [{ name: 'name', kind: 'text', label: t('Name') }, { name: 'scan', kind: 'file', label: t('Scan'), evidenceId: 'id-card' }] }],
    draftRetentionDays: 30,
    maxAttachmentMb: 1,
  };
  const ofSize = (size: number, head: Uint8Array) => {
    const content = new Uint8Array(size);
    content.set(head);
    return content;
  };

  it('answers the type of a file that fits', () => {
    expect(checkUpload(form, 'scan', PDF)).toBe('application/pdf');
    expect(checkUpload(form, 'scan', PNG)).toBe('image/png');
    expect(checkUpload(form, 'scan', JPEG)).toBe('image/jpeg');
  });

  it('takes a file of exactly the limit and refuses one byte more', () => {
    expect(checkUpload(form, 'scan', ofSize(1024 * 1024, PDF))).toBe('application/pdf');
    expect(checkUpload(form, 'scan', ofSize(1024 * 1024 + 1, PDF))).toEqual({ problem: 'file-too-large' });
  });

  it('refuses a question that is not a file question, before looking at the file', () => {
    expect(checkUpload(form, 'name', PDF)).toEqual({ problem: 'not-a-file-question' });
    expect(checkUpload(form, 'ghost', new Uint8Array(0))).toEqual({ problem: 'not-a-file-question' });
  });

  it('refuses an empty file and a file of another type', () => {
    expect(checkUpload(form, 'scan', new Uint8Array(0))).toEqual({ problem: 'file-empty' });
    expect(checkUpload(form, 'scan', bytes('MZ\x90\x00'))).toEqual({ problem: 'file-type' });
  });
});
