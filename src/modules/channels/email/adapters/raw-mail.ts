/**
 * A plain-text mail built as the raw message text at once, with nodemailer's own encoders, instead of
 * nodemailer's MIME tree and streams (about 0.7 ms of CPU per mail: BENCHMARKS.md). What does not change
 * from one mail to the next (the From header, the MIME headers) is built once per sender; per mail only
 * the recipient, subject, date, ids and the encoded body. The mail reads as nodemailer would write it:
 * RFC 2047 words in the subject and the sender's name, quoted-printable for a mostly Latin text and
 * base64 otherwise, CRLF line ends. Pure.
 */
import addressparser from 'nodemailer/lib/addressparser';
import * as base64 from 'nodemailer/lib/base64';
import { encodeWords, foldLines, quoteString } from 'nodemailer/lib/mime-funcs';
import * as qp from 'nodemailer/lib/qp';

export interface RawMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly lang: string;
}

/** An address nothing has to be quoted or encoded in: the only kind a raw mail is written to. */
const PLAIN_ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+$/;
/** Printable ASCII: a header value written as it is. */
const PLAIN_VALUE = /^[\x20-\x7e]*$/;

/** 'Q' when Latin letters outnumber the 8-bit and control characters, as nodemailer chooses. */
function textEncoding(value: string): 'Q' | 'B' {
  let nonLatin = 0;
  let latin = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 0x08 || code === 0x0b || code === 0x0c || (code >= 0x0e && code <= 0x1f) || code >= 0x80) {
      nonLatin++;
    } else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
      latin++;
    }
  }
  return nonLatin < latin ? 'Q' : 'B';
}

const words = (value: string): string => encodeWords(value, textEncoding(value), 52, true);

/**
 * A writer of raw mails from `from` (`Name <address>` or an address), or null when the sender is not
 * one plain address. The writer answers null for a mail it cannot write plainly (a recipient that is
 * not a plain address, an id with other than printable ASCII): send that one through nodemailer.
 */
export function rawMailWriter(from: string): { readonly envelopeFrom: string; write(mail: RawMail, ids: { messageId: string; idempotencyKey: string; date: Date }): string | null } | null {
  const [sender, ...others] = addressparser(from, { flatten: true });
  if (!sender || others.length > 0 || !PLAIN_ADDRESS.test(sender.address)) {
    return null;
  }
  const name = sender.name === '' ? '' : PLAIN_VALUE.test(sender.name) ? quoteString(sender.name) : words(sender.name);
  const fromHeader = foldLines(`From: ${name === '' ? sender.address : `${name} <${sender.address}>`}`, 76);
  const write = (mail: RawMail, ids: { messageId: string; idempotencyKey: string; date: Date }): string | null => {
    if (!PLAIN_ADDRESS.test(mail.to) || !PLAIN_VALUE.test(ids.idempotencyKey) || !PLAIN_VALUE.test(ids.messageId) || !/^[A-Za-z-]+$/.test(mail.lang)) {
      return null;
    }
    const subject = PLAIN_VALUE.test(mail.subject) && !/[\r\n]/.test(mail.subject) ? mail.subject : words(mail.subject);
    const text = mail.text.replace(/\r?\n/g, '\r\n');
    const quoted = textEncoding(text) === 'Q';
    const body = quoted ? qp.wrap(qp.encode(text), 76) : base64.wrap(base64.encode(text), 76);
    return [
      'Content-Type: text/plain; charset=utf-8',
      fromHeader,
      `To: ${mail.to}`,
      foldLines(`Subject: ${subject}`, 76),
      foldLines(`X-Idempotency-Key: ${ids.idempotencyKey}`, 76),
      `Content-Language: ${mail.lang}`,
      `Message-ID: ${ids.messageId}`,
      `Date: ${ids.date.toUTCString().replace(/GMT$/, '+0000')}`,
      'MIME-Version: 1.0',
      `Content-Transfer-Encoding: ${quoted ? 'quoted-printable' : 'base64'}`,
      '',
      body,
    ].join('\r\n');
  };
  return { envelopeFrom: sender.address, write };
}
