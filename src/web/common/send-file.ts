import type { FastifyReply } from 'fastify';

/** RFC 5987 `ext-value` of a file name: UTF-8, percent-encoded, safe inside a header. */
export const rfc5987 = (name: string): string =>
  encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** RFC 6266 Content-Disposition for a file name in any script: an ASCII fallback and the UTF-8 name. */
export const contentDisposition = (kind: 'inline' | 'attachment', name: string) =>
  `${kind}; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${rfc5987(name)}`;

/** Sends a file of a case (an upload, a receipt, a decision): private, never sniffed, never cached. */
export function sendFile(reply: FastifyReply, file: { bytes: Uint8Array; type: string; name: string; disposition: 'inline' | 'attachment' }): FastifyReply {
  return reply
    .code(200)
    .type(file.type)
    .header('content-disposition', contentDisposition(file.disposition, file.name))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(file.bytes));
}
