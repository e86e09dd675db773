import { deflateSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { inflateBounded } from '../../src/modules/applications/adapters/inflate.ts';
import { pdfActiveContent } from '../../src/modules/applications/pdf-active-content.ts';

const pdf = (...parts: Array<string | Uint8Array>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const active = (bytes: Uint8Array) => pdfActiveContent(bytes, inflateBounded);
const HEAD = '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R';
const TAIL = ' >>\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

describe('pdfActiveContent', () => {
  it('finds nothing in a plain document', () => {
    expect(active(pdf(HEAD, ' /Title (Passport scan) /Lang (uk)', TAIL))).toBe(false);
  });

  it('reads a name inside a string as a name too (a warning too many rather than one too few)', () => {
    expect(active(pdf(HEAD, ' /Title (About /JavaScript)', TAIL))).toBe(true);
  });

  it.each(['/JavaScript', '/JS', '/OpenAction', '/AA', '/Launch'])('flags %s', (name) => {
    expect(active(pdf(HEAD, ` ${name} 5 0 R`, TAIL))).toBe(true);
  });

  it('does not take a longer name for one of them', () => {
    expect(active(pdf(HEAD, ' /JSX 1 /AAPL 2 /Launcher 3 /OpenActions 4', TAIL))).toBe(false);
  });

  it('decodes #xx escapes in names', () => {
    expect(active(pdf(HEAD, ' /OpenAction << /S /J#61vaScript /#4A#53 (app.alert(1)) >>', TAIL))).toBe(true);
    expect(active(pdf(HEAD, ' /#4F#70#65#6EAction 5 0 R', TAIL))).toBe(true);
  });

  it('looks inside compressed object streams', () => {
    const hidden = deflateSync(Buffer.from('<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>'));
    const harmless = deflateSync(Buffer.from('<< /Type /Page >>'));
    expect(active(pdf(HEAD, TAIL, '3 0 obj\n<< /Type /ObjStm /Filter /FlateDecode >>\nstream\n', hidden, '\nendstream\nendobj\n'))).toBe(true);
    expect(active(pdf(HEAD, TAIL, '3 0 obj\n<< /Type /ObjStm /Filter /FlateDecode >>\nstream\n', harmless, '\nendstream\nendobj\n'))).toBe(false);
  });

  it('survives a stream that is not Flate data, or that inflates past the bound', () => {
    expect(active(pdf(HEAD, TAIL, 'stream\n', Buffer.from([1, 2, 3, 4]), '\nendstream\n'))).toBe(false);
    const bomb = deflateSync(Buffer.alloc(40 * 1024 * 1024, 0x41));
    expect(inflateBounded(bomb)).toBeNull();
  });
});
