import type { FastifyReply, FastifyRequest } from 'fastify';

import { UUID_PATTERN } from '../../kernel/ids.ts';
import type { Requirement } from '../../modules/identity/index.ts';
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
  /** What each path parameter must look like; one that does not is a 404 before the handler runs (request-edge.tsx). */
  readonly params?: Readonly<Record<string, ParamKind>>;
  readonly handler: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;
  /** The route takes uploads: how many files, and the size limit for a request (see upload-stream.ts). */
  readonly upload?: UploadRule;
}

/**
 * The shapes of path parameters: `uuid` (drafts, cases, files, documents, mandates, roles), `slug`
 * (catalogue records, form pages, identity providers), `name` (a form's field names).
 */
export const PARAM_PATTERNS = {
  uuid: UUID_PATTERN,
  slug: /^[a-z0-9]+(-[a-z0-9]+)*$/,
  name: /^[a-z][a-zA-Z0-9]{0,59}$/,
} as const;
export type ParamKind = keyof typeof PARAM_PATTERNS;

export const PUBLIC: Requirement = { kind: 'public' };
export const SIGNED_IN: Requirement = { kind: 'signed-in' };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route requires; every route declares it (the authorization matrix test enumerates them). */
    auth?: Requirement;
    /** The shapes of the route's path parameters, checked before the gate (see WebRoute.params). */
    params?: Readonly<Record<string, ParamKind>> | undefined;
  }
}
