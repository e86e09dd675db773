/**
 * Just enough MIME to read back what the portal sends (for the development mail sink and tests):
 * headers with RFC 2047 encoded words, quoted-printable and base64 bodies, nested multiparts.
 * Not a general-purpose parser. Work is on latin1 strings (one char per byte) until the charset
 * of each part or encoded word is known.
 */

export interface CapturedMail {
  readonly id: number;
  readonly receivedAt: Date;
  /** What the client said in MAIL FROM and RCPT TO. */
  readonly envelope: { readonly from: string | null; readonly to: readonly string[] };
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string | null;
  readonly attachments: readonly { readonly filename: string | null; readonly contentType: string; readonly size: number }[];
  /** Decoded header values by lower-case name (the first of repeated headers). */
  readonly headers: Readonly<Record<string, string>>;
  readonly raw: string;
}

interface Part {
  readonly headers: Record<string, string>;
  readonly body: string; // latin1
}

export type ParsedMail = Pick<CapturedMail, 'from' | 'to' | 'subject' | 'text' | 'html' | 'attachments' | 'headers'>;

/** Parses one message as received over SMTP (dots already unstuffed). */
export function parseMail(bytes: Buffer): ParsedMail {
  // The line break before SMTP's closing dot ends the last line; it is not content.
  const top = splitPart(bytes.toString('latin1').replace(/\r?\n$/, ''));
  const headers = Object.fromEntries(Object.entries(top.headers).map(([k, v]) => [k, decodeHeader(v)]));
  const found: { text: string | null; html: string | null; attachments: ParsedMail['attachments'][number][] } = {
    text: null,
    html: null,
    attachments: [],
  };
  walk(top, found);
  return {
    from: headers['from'] ?? '',
    to: headers['to'] ?? '',
    subject: headers['subject'] ?? '',
    text: found.text ?? '',
    html: found.html,
    attachments: found.attachments,
    headers,
  };
}

function walk(part: Part, found: { text: string | null; html: string | null; attachments: ParsedMail['attachments'][number][] }): void {
  const type = parseParams(part.headers['content-type'] ?? 'text/plain');
  const disposition = parseParams(part.headers['content-disposition'] ?? 'inline');
  if (type.value.startsWith('multipart/') && type.params['boundary']) {
    for (const child of splitMultipart(part.body, type.params['boundary'])) {
      walk(child, found);
    }
    return;
  }
  const bytes = decodeTransfer(part.body, part.headers['content-transfer-encoding'] ?? '7bit');
  const filename = disposition.params['filename'] ?? type.params['name'] ?? null;
  if (disposition.value === 'attachment' || filename !== null || !type.value.startsWith('text/')) {
    found.attachments.push({ filename: filename === null ? null : decodeHeader(filename), contentType: type.value, size: bytes.length });
  } else if (type.value === 'text/plain' && found.text === null) {
    found.text = decodeCharset(bytes, type.params['charset']);
  } else if (type.value === 'text/html' && found.html === null) {
    found.html = decodeCharset(bytes, type.params['charset']);
  }
}

function splitPart(source: string): Part {
  const match = /\r?\n\r?\n/.exec(source);
  const head = match ? source.slice(0, match.index) : source;
  const body = match ? source.slice(match.index + match[0].length) : '';
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      headers[name] ??= line.slice(colon + 1).trim();
    }
  }
  return { headers, body };
}

function splitMultipart(body: string, boundary: string): Part[] {
  const delimiter = `--${boundary}`;
  const parts: Part[] = [];
  let current: string[] | null = null;
  for (const line of body.split(/\r?\n/)) {
    if (line === `${delimiter}--`) {
      break;
    }
    if (line === delimiter) {
      if (current) {
        parts.push(splitPart(current.join('\r\n')));
      }
      current = [];
    } else if (current) {
      current.push(line);
    }
  }
  if (current) {
    parts.push(splitPart(current.join('\r\n')));
  }
  return parts;
}

function parseParams(header: string): { value: string; params: Record<string, string> } {
  const [value = '', ...rest] = header.split(';');
  const params: Record<string, string> = {};
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq > 0) {
      params[param.slice(0, eq).trim().toLowerCase()] = param.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    }
  }
  return { value: value.trim().toLowerCase(), params };
}

function decodeTransfer(body: string, encoding: string): Buffer {
  switch (encoding.trim().toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
    case 'quoted-printable':
      return Buffer.from(decodeQuotedPrintable(body.replace(/[ \t]+(?=\r?\n)/g, '').replace(/=\r?\n/g, '')), 'latin1');
    default:
      return Buffer.from(body, 'latin1');
  }
}

const decodeQuotedPrintable = (s: string): string =>
  s.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

function decodeCharset(bytes: Buffer, charset = 'utf-8'): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const ENCODED_WORD = /=\?([^?*]+)(?:\*[^?]*)?\?([BbQq])\?([^?]*)\?=/g;

/**
 * Decodes a header value: raw UTF-8 (SMTPUTF8) and RFC 2047 encoded words. Adjacent words of one
 * charset are joined as bytes first, since a UTF-8 character may be split across two of them.
 */
export function decodeHeader(latin1: string): string {
  const value = Buffer.from(latin1, 'latin1').toString('utf8');
  let out = '';
  let pending: { charset: string; bytes: Buffer[] } | null = null;
  let last = 0;
  const flush = () => {
    if (pending) {
      out += decodeCharset(Buffer.concat(pending.bytes), pending.charset);
      pending = null;
    }
  };
  for (const m of value.matchAll(ENCODED_WORD)) {
    const between = value.slice(last, m.index);
    // Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
    if (!(pending && /^\s*$/.test(between))) {
      flush();
      out += between;
    }
    const [, charset = 'utf-8', kind = 'B', text = ''] = m;
    const bytes = kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : Buffer.from(decodeQuotedPrintable(text.replace(/_/g, ' ')), 'latin1');
    const current: { charset: string; bytes: Buffer[] } | null = pending;
    if (current && current.charset === charset.toLowerCase()) {
      current.bytes.push(bytes);
    } else {
      flush();
      pending = { charset: charset.toLowerCase(), bytes: [bytes] };
    }
    last = m.index + m[0].length;
  }
  flush();
  return out + value.slice(last);
}
