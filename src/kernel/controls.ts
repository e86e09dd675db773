/**
 * Whether text holds a control character (C0 or DEL) other than those allowed: NUL cannot be stored
 * in PostgreSQL text, and no control character belongs in an id, a path or a one-line answer.
 */
export function hasControlCharacter(text: string, allowed: readonly string[] = []): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 || code === 0x7f) && !allowed.includes(text[i] as string)) {
      return true;
    }
  }
  return false;
}

/** Tab and line breaks: what a textarea sends as text. */
export const TEXT_WHITESPACE: readonly string[] = ['\t', '\n', '\r'];
