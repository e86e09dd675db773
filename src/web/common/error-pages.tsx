import type { FastifyReply, FastifyRequest } from 'fastify';

import { BadRequestPage, NotFoundPage, ServerErrorPage, UnavailablePage } from './errors.page.tsx';
import { pageContext, sendPage } from './render.ts';

export const sendNotFoundPage = (request: FastifyRequest, reply: FastifyReply) =>
  sendPage(reply, 404, <NotFoundPage ctx={pageContext(request)} />);

export const sendServerErrorPage = (request: FastifyRequest, reply: FastifyReply) =>
  sendPage(reply, 500, <ServerErrorPage ctx={pageContext(request)} reference={request.id} />);

export const sendBadRequestPage = (request: FastifyRequest, reply: FastifyReply, status: number, messages: readonly string[]) =>
  sendPage(reply, status, <BadRequestPage ctx={pageContext(request)} messages={messages} />);

/** 503 while the database cannot be reached; the caller sets `Retry-After`. */
export const sendUnavailablePage = (request: FastifyRequest, reply: FastifyReply) =>
  sendPage(reply, 503, <UnavailablePage ctx={pageContext(request)} />);
