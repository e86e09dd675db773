/**
 * The sizes the portal accepts, in one place: the body parsers and the router use them, and the
 * pages that refuse a request (413, 414, 431) quote them.
 */
export const REQUEST_LIMITS = {
  /** An urlencoded form's body. */
  formBytes: 64 * 1024,
  /** One uploaded file, whatever the service (each service may set a smaller limit of its own). */
  fileBytes: 50 * 1024 * 1024,
  /** One path parameter (Fastify's maxParamLength). */
  paramChars: 200,
  /** The request line and headers together (Node's maxHeaderSize, the default). */
  headerBytes: 16 * 1024,
} as const;
