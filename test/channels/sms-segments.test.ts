import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { SMS_LIMITS, smsSegments } from '../../src/modules/channels/sms/index.ts';

/** Septets of a GSM-7 part: two for each character of the extension table. */
const septets = (part: string) => [...part].reduce((n, c) => n + ('\f^{}\\[~]|€'.includes(c) ? 2 : 1), 0);
const lengths = (parts: readonly string[]) => parts.map((p) => p.length);

describe('GSM-7', () => {
  it('160 characters are one message; 161 are two parts of 153 and 8', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'gsm7', segments: 1, parts: ['a'.repeat(160)], units: 160 });
    const long = smsSegments('a'.repeat(161));
    expect([long.encoding, long.segments, long.units, lengths(long.parts)]).toEqual(['gsm7', 2, 161, [153, 8]]);
  });

  it('306 characters fill two parts of 153 exactly; 307 take a third', () => {
    expect(lengths(smsSegments('b'.repeat(306)).parts)).toEqual([153, 153]);
    expect(lengths(smsSegments('b'.repeat(307)).parts)).toEqual([153, 153, 1]);
  });

  it('an empty text is one empty message', () => {
    expect(smsSegments('')).toEqual({ encoding: 'gsm7', segments: 1, parts: [''], units: 0 });
  });

  it('the basic set carries @, £, newlines and Greek capitals as one septet each', () => {
    const text = '@£¥\nΔΦΓΛΩΠΨΣΘΞ_ÄÖÑÜ§¿äöñüà';
    expect(smsSegments(text)).toMatchObject({ encoding: 'gsm7', segments: 1, units: [...text].length });
  });

  it('an extension character counts two septets: 80 € signs are 160 septets (one message), 81 are two parts', () => {
    expect(smsSegments('€'.repeat(80))).toMatchObject({ encoding: 'gsm7', segments: 1, units: 160 });
    const over = smsSegments('€'.repeat(81));
    expect([over.segments, over.units, over.parts.map(septets)]).toEqual([2, 162, [152, 10]]);
  });

  it('159 letters and one ^ are 161 septets: two parts', () => {
    const s = smsSegments(`${'x'.repeat(159)}^`);
    expect([s.segments, s.units, lengths(s.parts)]).toEqual([2, 161, [153, 7]]);
  });

  it('never splits an escape pair: a € or ^ that would take septets 153 and 154 opens the next part', () => {
    for (const ext of ['€', '^']) {
      const s = smsSegments(`${'x'.repeat(152)}${ext}${'y'.repeat(20)}`);
      expect(s.parts.map(septets)).toEqual([152, 22]);
      expect(s.parts[1]?.startsWith(ext)).toBe(true);
      // One letter fewer: the extension character fits exactly at the end of the first part.
      const fits = smsSegments(`${'x'.repeat(151)}${ext}${'y'.repeat(20)}`);
      expect(fits.parts.map(septets)).toEqual([153, 20]);
      expect(fits.parts[0]?.endsWith(ext)).toBe(true);
    }
  });
});

describe('UCS-2', () => {
  it('one character outside GSM-7 (Cyrillic) makes the whole text UCS-2: 70 in one message, 71 in two parts of 67 and 4', () => {
    expect(smsSegments('ї'.repeat(70))).toMatchObject({ encoding: 'ucs2', segments: 1, units: 70 });
    expect(lengths(smsSegments('ї'.repeat(71)).parts)).toEqual([67, 4]);
    expect(smsSegments(`${'a'.repeat(100)}є`)).toMatchObject({ encoding: 'ucs2', segments: 2, units: 101 });
  });

  it('134 characters fill two parts of 67; 135 take a third', () => {
    expect(lengths(smsSegments('Ж'.repeat(134)).parts)).toEqual([67, 67]);
    expect(lengths(smsSegments('Ж'.repeat(135)).parts)).toEqual([67, 67, 1]);
  });

  it('an emoji is a surrogate pair (two code units) and is never split: at units 67 and 68 it opens the next part', () => {
    const s = smsSegments(`${'д'.repeat(66)}😀${'д'.repeat(10)}`);
    expect(lengths(s.parts)).toEqual([66, 12]);
    expect(s.parts[1]?.startsWith('😀')).toBe(true);
    const fits = smsSegments(`${'д'.repeat(65)}😀${'д'.repeat(10)}`);
    expect(lengths(fits.parts)).toEqual([67, 10]);
    expect(s.units).toBe(78);
    expect(smsSegments('😀'.repeat(35))).toMatchObject({ segments: 1, units: 70 });
    expect(lengths(smsSegments('😀'.repeat(36)).parts)).toEqual([66, 6]);
  });

  it('lower-case ç and the Latin letters outside the alphabet (ą, ł) need UCS-2', () => {
    expect(smsSegments('ç').encoding).toBe('ucs2');
    expect(smsSegments('Zażółć').encoding).toBe('ucs2');
  });
});

describe('any text', () => {
  const alphabet = fc.constantFrom('a', 'Z', ' ', '€', '^', '{', '\\', '\n', 'я', 'Ї', '😀', '👍🏽', 'ç', '@');
  const GSM_IN_ALPHABET = new Set(['a', 'Z', ' ', '€', '^', '{', '\\', '\n', '@']);
  const texts = fc.array(alphabet, { maxLength: 400 }).map((cs) => cs.join(''));

  it('parts rejoin to the text, each within its limit, none splitting a character, and the count matches', () => {
    fc.assert(fc.property(texts, (text) => {
      const s = smsSegments(text);
      expect(s.parts.join('')).toBe(text);
      expect(s.segments).toBe(s.parts.length);
      const limit = s.segments === 1 ? SMS_LIMITS[s.encoding].single : SMS_LIMITS[s.encoding].part;
      for (const part of s.parts) {
        expect(s.encoding === 'gsm7' ? septets(part) : part.length).toBeLessThanOrEqual(limit);
        expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(part)).toBe(false); // no lone surrogate
      }
      expect(s.encoding).toBe([...text].every((c) => GSM_IN_ALPHABET.has(c)) ? 'gsm7' : 'ucs2');
    }), { numRuns: 500 });
  });

  it('takes as few parts as the limits allow (each part but the last is full, or the next character would not fit)', () => {
    fc.assert(fc.property(texts, (text) => {
      const s = smsSegments(text);
      const size = (c: string) => (s.encoding === 'gsm7' ? septets(c) : c.length);
      s.parts.slice(0, -1).forEach((part, i) => {
        const next = [...(s.parts[i + 1] ?? '')][0] ?? '';
        expect((s.encoding === 'gsm7' ? septets(part) : part.length) + size(next)).toBeGreaterThan(SMS_LIMITS[s.encoding].part);
      });
    }), { numRuns: 300 });
  });
});
