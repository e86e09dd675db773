import type { FastifyReply } from 'fastify';

/** An RFC 9457 problem document. `errors` lists field problems as JSON Pointers into the request. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly code?: string;
  readonly errors?: ReadonlyArray<{ readonly pointer: string; readonly detail: string }>;
}

export const PROBLEM_BASE = 'https://portico.example/problems/';

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}
