import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * One declaration per web route: its path, who may reach it and its handler.
 * `auth` is checked by the authorization policy once identity lands; today every page is public.
 */
export interface WebRoute {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly auth: 'public';
  readonly handler: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;
}
