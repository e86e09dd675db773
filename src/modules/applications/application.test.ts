/** The pure rules of drafts: who may apply for what, when a draft expires, and what submission hashes. */
import { describe, expect, it } from 'vitest';

import type { ApplicationForm } from '../forms/index.ts';
import { type Attachment, audienceFits, expiryOf, submissionContent } from './application.ts';

describe('audienceFits', () => {
  it.each<[string[], 'self' | 'person' | 'business', boolean]>([
    [['individual'], 'self', true],
    [['individual'], 'person', true],
    [['individual'], 'business', false],
    [['business'], 'self', false],
    [['business'], 'person', false],
    [['business'], 'business', true],
    [['individual', 'business'], 'self', true],
    [['business', 'individual'], 'business', true],
    [['business', 'individual'], 'person', true],
    [[], 'self', false],
    [[], 'business', false],
  ])('audience %j for a party of kind %s: %s', (audience, party, fits) => {
    expect(audienceFits(audience, party)).toBe(fits);
  });
});

describe('expiryOf', () => {
  const form = (draftRetentionDays: number): ApplicationForm => ({
    schema: { type: 'object' }, pages: [], draftRetentionDays, maxAttachmentMb: 5,
  });

  it('keeps a draft the service’s retention after its last change', () => {
    expect(expiryOf(form(30), new Date('2026-01-15T10:20:30.000Z')).toISOString()).toBe('2026-02-14T10:20:30.000Z');
    expect(expiryOf(form(1), new Date('2026-12-31T23:59:59.999Z')).toISOString()).toBe('2027-01-01T23:59:59.999Z');
    expect(expiryOf(form(365), new Date('2028-01-01T00:00:00.000Z')).toISOString()).toBe('2028-12-31T00:00:00.000Z');
  });

  it('counts whole days of 24 hours, also over a change of summer time in Kyiv (29 March 2026)', () => {
    const at = new Date('2026-03-28T09:00:00.000Z');
    expect(expiryOf(form(2), at).getTime() - at.getTime()).toBe(2 * 24 * 60 * 60 * 1000);
  });
});

describe('submissionContent', () => {
  const attachment = (field: string, sha256: string): Attachment => ({
    id: `00000000-0000-4000-8000-${sha256.slice(0, 12)}`, field, filename: `${field}.pdf`, contentType: 'application/pdf', sizeBytes: 10,
    sha256, createdAt: new Date('2026-01-15T10:00:00Z'), draftId: '11111111-1111-4111-8111-111111111111', caseId: null, requestId: null, activeContent: false,
  });
  const a = 'a'.repeat(64);
  const b = 'b'.repeat(64);
  const c = 'c'.repeat(64);

  it('keeps the service, its version and the answers as given', () => {
    const answers = { givenName: 'Олена', purpose: 'first' };
    const content = submissionContent('international-passport', 7, answers, []);
    expect(content).toEqual({ serviceId: 'international-passport', serviceVersion: 7, answers: { givenName: 'Олена', purpose: 'first' }, files: [] });
  });

  it('sorts the files by question and keeps only the question and the hash', () => {
    const files = [attachment('photo', b), attachment('identityDocument', a), attachment('previousPassport', c)];
    const content = submissionContent('international-passport', 1, {}, files);
    expect(content.files).toEqual([{ field: 'identityDocument', sha256: a }, { field: 'photo', sha256: b }, { field: 'previousPassport', sha256: c }]);
    for (const f of content.files) {
      expect(Object.keys(f).sort()).toEqual(['field', 'sha256']);
    }
    expect(files.map((f) => f.field)).toEqual(['photo', 'identityDocument', 'previousPassport']);
  });

  it('gives the same content whatever order the files came in, and another for another file', () => {
    const one = submissionContent('s', 1, { x: 1 }, [attachment('b', b), attachment('a', a)]);
    const two = submissionContent('s', 1, { x: 1 }, [attachment('a', a), attachment('b', b)]);
    expect(JSON.stringify(one)).toBe(JSON.stringify(two));
    expect(JSON.stringify(submissionContent('s', 1, { x: 1 }, [attachment('a', a), attachment('b', c)]))).not.toBe(JSON.stringify(one));
  });
});
