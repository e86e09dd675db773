/**
 * Line breaking for the PDF renderer, kept pure so it can be tested without fonts: the caller passes
 * the width function (pdf-lib's `font.widthOfTextAtSize`).
 */

/**
 * Free text (an officer's reasons) as printable characters: CR LF, CR and the Unicode line and
 * paragraph separators become LF, tabs become spaces, other control characters are dropped (a font
 * has no glyph for them and pdf-lib would draw a missing-glyph box).
 */
export function normaliseText(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?|\u2028|\u2029/g, '\n')) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\n') {
      out += ch;
    } else if (ch === '\t') {
      out += ' ';
    } else if (code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0)) {
      out += ch;
    }
  }
  return out;
}

/**
 * Splits text into lines no wider than `maxWidth`. Line feeds are kept as line breaks (an empty line
 * stays empty), runs of spaces collapse, and a word wider than a line (a URL, a hash) is cut between
 * characters rather than allowed to run off the page.
 */
export function wrapText(text: string, maxWidth: number, widthOf: (s: string) => number): string[] {
  return normaliseText(text)
    .split('\n')
    .flatMap((line) => wrapLine(line, maxWidth, widthOf));
}

function wrapLine(line: string, maxWidth: number, widthOf: (s: string) => number): string[] {
  const words = line.split(' ').filter((w) => w !== '');
  if (words.length === 0) {
    return [''];
  }
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (widthOf(candidate) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current !== '') {
      lines.push(current);
    }
    const pieces = widthOf(word) <= maxWidth ? [word] : breakWord(word, maxWidth, widthOf);
    lines.push(...pieces.slice(0, -1));
    current = pieces.at(-1) ?? '';
  }
  lines.push(current);
  return lines;
}

/** Cuts between code points (never inside a surrogate pair); each piece holds at least one character. */
function breakWord(word: string, maxWidth: number, widthOf: (s: string) => number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece !== '' && widthOf(piece + ch) > maxWidth) {
      pieces.push(piece);
      piece = ch;
    } else {
      piece += ch;
    }
  }
  pieces.push(piece);
  return pieces;
}
