import type { FastifyReply, FastifyRequest } from 'fastify';

import { UUID_PATTERN } from '../../kernel/ids.ts';
import type { Lang } from '../../kernel/text.ts';
import type { Requirement } from '../../modules/identity/index.ts';
import type { AnyPath, LangPath, PathValues, RootPath } from './path.ts';
import type { PersonalDataUse } from './personal-data.ts';
import type { UploadRule } from './upload-stream.ts';

/**
 * One declaration per web route: its path declaration (paths.ts: the pattern in each language, the
 * kinds of its parameters), its method, what it requires (checked by the one authorization policy
 * before the handler runs; the matrix test covers every route) and its handler. Every POST also
 * needs the session's CSRF token. Made by `route`; registered once per language of its path.
 */
export interface WebRoute {
  readonly path: AnyPath;
  readonly method: 'GET' | 'POST';
  readonly auth: Requirement;
  /** The handler for one of the path's patterns (its language, or null for a path without one). */
  readonly handler: (request: FastifyRequest, reply: FastifyReply, lang: Lang | null) => Promise<FastifyReply>;
  /** The route takes uploads: how many files, and the size limit for a request (see upload-stream.ts). */
  readonly upload?: UploadRule;
  /**
   * A public form sent without a session (a centre's kiosk): no session's CSRF token to check, so the
   * gate refuses it when the browser says it comes from another site (its Origin is not this portal's).
   */
  readonly sessionless?: true;
  /**
   * A GET that writes what its reader reads back next (opening an inbox message marks it read): with a
   * replica it reads the primary and its answer carries the read-your-writes cookie, like a POST (ADR 0018).
   */
  readonly writes?: true;
}

/** What a handler is given besides the request: the language of the path (if it has one) and its parameters. */
export type RouteArgs<D extends AnyPath> = D extends LangPath<infer P>
  ? { readonly lang: Lang; readonly params: PathValues<P> }
  : D extends RootPath<infer P>
    ? { readonly params: PathValues<P> }
    : never;
type Handler<D extends AnyPath> = (request: FastifyRequest, reply: FastifyReply, at: RouteArgs<D>) => Promise<FastifyReply>;

/**
 * A web route: `route(PATHS.myCase, 'GET', SIGNED_IN, async (request, reply, { lang, params }) => …)`.
 * The parameters have passed their kinds' check at the edge (request-edge.tsx) before the handler runs.
 */
export function route<D extends AnyPath>(path: D, method: 'GET' | 'POST', auth: Requirement, handler: Handler<D>, options: { readonly upload?: UploadRule; readonly sessionless?: true; readonly writes?: true } = {}): WebRoute {
  const run = (request: FastifyRequest, reply: FastifyReply, lang: Lang | null) => {
    const params = request.params as PathValues<string>;
    return handler(request, reply, (lang === null ? { params } : { lang, params }) as RouteArgs<D>);
  };
  if (options.sessionless && auth.kind !== 'public') {
    throw new Error('only a public route may take forms without a session');
  }
  return { path, method, auth, handler: run, ...(options.upload === undefined ? {} : { upload: options.upload }), ...(options.sessionless ? { sessionless: true } : {}), ...(options.writes ? { writes: true } : {}) };
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
    /** The shapes of the route's path parameters, checked before the gate (the declaration's checked kinds). */
    params?: Readonly<Record<string, ParamKind>> | undefined;
    /** The path declaration the route was registered from (paths.ts). */
    path?: AnyPath;
    /** What a staff route does with personal data (personal-data.ts; the enumeration test checks the `recorded` ones write access records). */
    personalData?: PersonalDataUse | undefined;
    /** A GET that writes what its reader reads back next (WebRoute.writes): read-your-writes as for a POST. */
    writes?: boolean;
  }
}
