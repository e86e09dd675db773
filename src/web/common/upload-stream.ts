import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';

/**
 * Uploads read as a stream. A route that takes files declares it (`WebRoute.upload`): how many files
 * at most, and the size limit of one file for this request (the service's own limit). Bytes are kept
 * only up to that limit: past it the file is marked `truncated`, what was kept is dropped, parsing
 * stops, and the rest of the request is drained unparsed while the page saying why is sent.
 * A route that declares no upload keeps no file at all. The multipart plugin's own limit stays the
 * safety net above every service's.
 */
export interface UploadRule {
  readonly files: number;
  /** Text fields the form may carry besides its files, when more than the plugin's default (a whole form on one page). */
  readonly fields?: number;
  readonly limitBytes: (request: FastifyRequest) => Promise<number>;
}

/** What a file part carries once read: the bytes within the limit, and whether the limit cut it. */
export interface ReceivedFile {
  readonly type: 'file';
  readonly fieldname: string;
  readonly filename: string;
  readonly received: { readonly bytes: Buffer; readonly truncated: boolean };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes uploads (see upload-stream.ts). */
    upload?: UploadRule;
  }
}

const limits = new WeakMap<FastifyRequest, Promise<number>>();

/** The multipart plugin's `onFile`: reads one file part as described above. */
export async function receiveFile(request: FastifyRequest, part: MultipartFile): Promise<void> {
  const rule = request.routeOptions.config.upload;
  let limit = limits.get(request);
  if (limit === undefined) {
    limit = rule === undefined ? Promise.resolve(0) : rule.limitBytes(request);
    limits.set(request, limit);
  }
  const max = await limit;
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of part.file as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) {
      // Past the limit: stop here. Leaving the loop destroys the file stream, which ends the parsing
      // of this body; the rest of the request is read and thrown away unparsed, so the connection
      // stays usable and the page saying why is sent at once.
      truncated = true;
      chunks.length = 0;
      break;
    }
    chunks.push(chunk);
  }
  if (truncated) {
    request.raw.resume();
  }
  Object.assign(part, { received: { bytes: truncated ? Buffer.alloc(0) : Buffer.concat(chunks), truncated: truncated || part.file.truncated } });
}

export const isReceivedFile = (v: unknown): v is ReceivedFile =>
  typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'file' && typeof (v as { received?: unknown }).received === 'object';

/** The files of a multipart body under `name` (one, several, or none chosen: an empty part with no name). */
export function receivedFiles(body: unknown, name: string): ReceivedFile[] {
  const raw = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  return (Array.isArray(raw) ? raw : [raw]).filter(isReceivedFile).filter((f) => !(f.filename === '' && f.received.bytes.length === 0 && !f.received.truncated));
}

/** The route options a declared upload adds (for the route table's registration). */
export const uploadConfig = (upload: UploadRule | undefined) => (upload === undefined ? {} : {
  upload, multipartOptions: { limits: { files: upload.files, ...(upload.fields === undefined ? {} : { fields: upload.fields, parts: upload.fields + upload.files }) } },
});
