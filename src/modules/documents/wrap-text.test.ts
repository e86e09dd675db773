import { describe, expect, it } from 'vitest';
import { normaliseText, wrapText } from './wrap-text.ts';

/** One unit per code point: widths are easy to reason about. */
const width = (s: string): number => [...s].length;

describe('wrapText', () => {
  it('fills lines greedily without cutting words', () => {
    expect(wrapText('the quick brown fox jumps over the lazy dog', 15, width)).toEqual(['the quick brown', 'fox jumps over', 'the lazy dog']);
  });

  it('keeps line feeds and empty lines, collapses runs of spaces', () => {
    expect(wrapText('one  two\n\nthree', 20, width)).toEqual(['one two', '', 'three']);
  });

  it('cuts a word wider than the line between characters', () => {
    expect(wrapText('see https://example.org/abcdefghij now', 10, width)).toEqual(['see', 'https://ex', 'ample.org/', 'abcdefghij', 'now']);
  });

  it('never splits a surrogate pair', () => {
    const lines = wrapText('𝔸𝔹ℂ𝔻𝔼', 2, width);
    expect(lines).toEqual(['𝔸𝔹', 'ℂ𝔻', '𝔼']);
  });

  it('never returns a line wider than asked, whatever the text', () => {
    const text = Array.from({ length: 300 }, (_, i) => 'x'.repeat((i * 7) % 23 + 1)).join(' ');
    for (const max of [5, 12, 40]) {
      const lines = wrapText(text, max, width);
      expect(lines.every((l) => width(l) <= max)).toBe(true);
      expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    }
  });

  it('gives one empty line for empty text', () => {
    expect(wrapText('', 10, width)).toEqual(['']);
  });
});

describe('normaliseText', () => {
  it('turns CR LF, CR and Unicode separators into LF and tabs into spaces', () => {
    expect(normaliseText('a\r\nb\rc\u2028d\u2029e\tf')).toBe('a\nb\nc\nd\ne f');
  });

  it('drops other control characters and keeps the rest', () => {
    expect(normaliseText('a\u0000b\u0007c\u007fd\u0085e — «є»')).toBe('abcde — «є»');
  });
});
