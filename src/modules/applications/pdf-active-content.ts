/**
 * Whether a PDF carries active content an officer should be warned about: JavaScript, an action run
 * on opening, additional (event) actions, or a launch action. Names are read as PDF names (with
 * `#xx` escapes decoded, so `/J#61vaScript` is `/JavaScript`), in the file and in its compressed
 * streams (object streams hide dictionaries), which `inflate` opens (null when a stream is not
 * Flate data or is too large).
 */
const ACTIVE_NAMES = new Set(['JavaScript', 'JS', 'OpenAction', 'AA', 'Launch']);

// A PDF name: '/' then regular characters up to a delimiter or white space (ISO 32000-1, 7.3.5).
const NAME = /\/((?:[^\s/[\]<>(){}%]|#[0-9a-fA-F]{2})+)/g;
const STREAM = /(?<!end)stream\r?\n/g;

const latin1 = (bytes: Uint8Array): string => {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return out;
};

const decodeName = (raw: string): string => raw.replace(/#([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

function namesActive(text: string): boolean {
  for (const match of text.matchAll(NAME)) {
    if (ACTIVE_NAMES.has(decodeName(match[1] ?? ''))) {
      return true;
    }
  }
  return false;
}

/** At most this many compressed streams are opened per file. */
const MAX_STREAMS = 2000;

export function pdfActiveContent(bytes: Uint8Array, inflate: (data: Uint8Array) => Uint8Array | null): boolean {
  const text = latin1(bytes);
  if (namesActive(text)) {
    return true;
  }
  let opened = 0;
  for (const match of text.matchAll(STREAM)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0 || opened++ >= MAX_STREAMS) {
      break;
    }
    const inflated = inflate(bytes.subarray(start, end));
    if (inflated !== null && namesActive(latin1(inflated))) {
      return true;
    }
  }
  return false;
}
