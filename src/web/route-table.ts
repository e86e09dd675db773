import type { FastifyReply, FastifyRequest } from 'fastify';

import type { Requirement } from '../modules/identity/index.ts';
import type { UploadRule } from './upload-stream.ts';

/**
 * One declaration per web route: its path, what it requires (checked by the one authorization
 * policy before the handler runs; the matrix test covers every route) and its handler.
 * Every POST also needs the session's CSRF token.
 */
export interface WebRoute {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly auth: Requirement;
  readonly handler: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;
  /** The route takes uploads: how many files, and the size limit for a request (see upload-stream.ts). */
  readonly upload?: UploadRule;
}

export const PUBLIC: Requirement = { kind: 'public' };
export const SIGNED_IN: Requirement = { kind: 'signed-in' };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route requires; every route declares it (the authorization matrix test enumerates them). */
    auth?: Requirement;
  }
}
