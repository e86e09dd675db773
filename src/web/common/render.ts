import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

import { DEFAULT_LANG, type Lang, isLang } from '../../kernel/text.ts';
import { translator } from '../locales/messages.ts';
import type { PageContext } from './layout.tsx';
import { fillSessionSlot } from './session-bar.tsx';

const translators = { uk: translator('uk'), en: translator('en') } as const;

/** The page context of a request: its language (from the path prefix) and URL. */
export function pageContext(request: FastifyRequest): PageContext {
  const prefix = request.url.split('/')[1];
  const lang: Lang = isLang(prefix) ? prefix : DEFAULT_LANG;
  return { t: translators[lang], lang, url: request.url };
}

export function renderPage(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}

/** Sends a rendered page, with the per-person part of the header filled in for this request. */
export function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  const request = reply.request;
  const personal = request.signedIn !== null;
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', personal ? 'private, no-store' : 'no-cache')
    .send(fillSessionSlot(html, pageContext(request), request));
}

export function sendPage(reply: FastifyReply, status: number, page: VNode): FastifyReply {
  return sendHtml(reply, status, renderPage(page));
}
