import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';

import { TEXT_WHITESPACE, hasControlCharacter } from '../../kernel/controls.ts';
import { type Lang, isLang } from '../../kernel/text.ts';
import { PROBLEM_BASE, sendProblem } from '../../platform/http/problem.ts';
import { sendNotFoundPage } from './error-pages.tsx';
import { FormFieldError } from './form-values.ts';
import { type TextKey, translator } from '../locales/messages.ts';
import { EdgePage } from './edge.page.tsx';
import { renderPage, sendHtml } from './render.ts';
import { REQUEST_LIMITS } from './request-limits.ts';
import { PARAM_PATTERNS } from './route-table.ts';
import type { PageContext } from './layout.tsx';
import { SESSION_SLOT, SessionBar } from './session-bar.tsx';

/**
 * The one rule at the edge, in front of every route: a path or query with a control character is a
 * 400; a form value with one (other than tab and line breaks) is a 400; a path parameter of the wrong
 * shape is a 404; a form field read as anything but one piece of text, and a broken multipart body,
 * are 400s; a request too large (413, 414, 431) gets a page in its language saying which limit it
 * passed. Pages for the web, problem+json under /api.
 */

declare module 'fastify' {
  interface FastifyRequest {
    /** The body has been read and checked (the multipart parser, if any, has finished). */
    bodyChecked: boolean;
  }
}

const isApi = (url: string) => url.startsWith('/api/');
/** Any C0 control or DEL in a URL, raw or percent-encoded. */
const urlHasControl = (url: string) => hasControlCharacter(url) || /%(?:[01][0-9a-f]|7f)/i.test(url);

/** The language of a refusal: the path's prefix, else the browser's first choice, else Ukrainian. */
export function edgeLang(url: string, acceptLanguage: string | string[] | undefined): Lang {
  const prefix = url.split('/')[1];
  if (isLang(prefix)) {
    return prefix;
  }
  const accepted = typeof acceptLanguage === 'string' ? acceptLanguage : '';
  return /^\s*en\b/i.test(accepted) ? 'en' : 'uk';
}

const contextOf = (lang: Lang, url: string): PageContext => ({ t: translator(lang), lang, url });

/** The page holding the form a POST came from, known from the POST's own path (pages send no Referer: helmet's no-referrer). */
const FORM_PAGES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(\/(?:uk|en)\/applications\/[^/]+\/pages\/[^/]+)(?:\/files\/.*)?$/, '$1'],
  [/^(\/(?:uk|en)\/applications\/[^/]+)\/submit$/, '$1/check'],
  [/^(\/(?:uk|en)\/(?:cabinet|office)\/cases\/[^/]+)\/[a-z]+$/, '$1'],
  [/^(\/(?:uk|en))\/cabinet\/mandates(?:\/.*)?$/, '$1/cabinet/representation'],
  [/^(\/(?:uk|en)\/cabinet\/contacts)(?:\/.*)?$/, '$1'],
  [/^(\/(?:uk|en)\/admin\/staff)(?:\/.*)?$/, '$1'],
];

/** The path (and query) of an address, if it is a page of this portal. */
function portalPath(address: string, withQuery: boolean): string | null {
  try {
    const url = new URL(address, 'http://portal.invalid');
    const path = withQuery ? `${url.pathname}${url.search}` : url.pathname;
    return address.length <= 2000 && /^\/(uk|en)\//.test(path) && !urlHasControl(path) ? path : null;
  } catch {
    return null;
  }
}

/** The form page the person came from: as the browser says, else as the POST's own path shows. */
function backTo(request: FastifyRequest): string | null {
  const referer = request.headers.referer;
  if (typeof referer === 'string') {
    return portalPath(referer, true);
  }
  const path = portalPath(request.url, false);
  const known = path === null ? undefined : FORM_PAGES.find(([pattern]) => pattern.test(path));
  return path !== null && known ? path.replace(known[0], known[1]) : null;
}

interface Refusal {
  readonly status: number;
  readonly code: string;
  readonly title: TextKey;
  readonly texts: ReadonlyArray<readonly [TextKey, Record<string, string | number>?]>;
}

const KB = 1024;
const TOO_LARGE: Record<413 | 414 | 431, Refusal> = {
  413: { status: 413, code: 'request.too_large', title: 'tooLarge.413.title', texts: [['tooLarge.413.text', { text: REQUEST_LIMITS.formBytes / KB, file: REQUEST_LIMITS.fileBytes / KB / KB }], ['tooLarge.413.kept']] },
  414: { status: 414, code: 'request.uri_too_long', title: 'tooLarge.414.title', texts: [['tooLarge.414.text', { n: REQUEST_LIMITS.paramChars, total: REQUEST_LIMITS.headerBytes / KB }]] },
  431: { status: 431, code: 'request.headers_too_large', title: 'tooLarge.431.title', texts: [['tooLarge.431.text', { n: REQUEST_LIMITS.headerBytes / KB }]] },
};
const badRequest = (text: TextKey, params: Record<string, string> = {}, status = 400, code = 'request.invalid'): Refusal => ({ status, code, title: 'badRequest.title', texts: [[text, params]] });

function problemOf(refusal: Refusal, instance: string) {
  const en = translator('en');
  return { type: `${PROBLEM_BASE}${refusal.code.replace(/^request\./, '').replaceAll('_', '-')}`, title: en(refusal.title), status: refusal.status, code: refusal.code, detail: refusal.texts.map(([k, p]) => en(k, p)).join(' '), instance };
}

/** Answers a refusal: problem+json under /api, otherwise a page in the request's language. */
export function refuse(request: FastifyRequest, reply: FastifyReply, refusal: Refusal): FastifyReply {
  if (isApi(request.url)) {
    return sendProblem(reply, problemOf(refusal, request.url));
  }
  const ctx = contextOf(edgeLang(request.url, request.headers['accept-language']), request.url);
  const back = request.method === 'POST' ? backTo(request) : null;
  return sendHtml(reply, refusal.status, renderPage(<EdgePage ctx={ctx} title={ctx.t(refusal.title)} texts={refusal.texts.map(([k, p]) => ctx.t(k, p))} back={back} />));
}

/** A control character anywhere in a form body (values, keys, multipart field values and file names). */
function controlIn(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') {
    // In form values, tab and line breaks are text (a textarea sends them); other controls are not.
    return hasControlCharacter(value, TEXT_WHITESPACE);
  }
  if (depth > 4 || typeof value !== 'object' || value === null || Buffer.isBuffer(value)) {
    return false;
  }
  if (Array.isArray(value)) {
    return value.some((v) => controlIn(v, depth + 1));
  }
  const part = value as { type?: unknown; fieldname?: unknown; value?: unknown; filename?: unknown };
  if ((part.type === 'field' || part.type === 'file') && typeof part.fieldname === 'string') {
    return hasControlCharacter(part.fieldname) || controlIn(part.type === 'field' ? part.value : part.filename, depth + 1);
  }
  return Object.entries(value).some(([k, v]) => hasControlCharacter(k) || controlIn(v, depth + 1));
}

/** A multipart body as an urlencoded one would be: each field its text (several: an array); file parts as they are. */
function plainFields(body: Record<string, unknown>): Record<string, unknown> {
  const text = (part: unknown) => (typeof part === 'object' && part !== null && (part as { type?: unknown }).type === 'field' ? (part as { value?: unknown }).value : part);
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? v.map(text) : text(v)]));
}

/** The hooks of the edge. Registered after the body parsers, so the body check sees the parsed body. */
export function registerRequestEdge(app: FastifyInstance): void {
  app.decorateRequest('bodyChecked', false);
  app.addHook('onRequest', async (request, reply) => {
    if (urlHasControl(request.url)) {
      return refuse(request, reply, badRequest('edge.control'));
    }
    return undefined;
  });
  app.addHook('preValidation', async (request, reply) => {
    request.bodyChecked = true;
    if (request.body !== undefined && !isApi(request.url) && controlIn(request.body)) {
      return refuse(request, reply, badRequest('edge.control'));
    }
    if (request.isMultipart() && typeof request.body === 'object' && request.body !== null) {
      request.body = plainFields(request.body as Record<string, unknown>);
    }
    return undefined;
  });
  app.addHook('preHandler', async (request, reply) => {
    const kinds = request.routeOptions.config.params;
    const values = request.params as Record<string, string | undefined>;
    if (kinds && Object.entries(kinds).some(([name, kind]) => !PARAM_PATTERNS[kind].test(values[name] ?? ''))) {
      return isApi(request.url) ? refuse(request, reply, { ...badRequest('edge.generic', {}, 404, 'http.not_found'), title: 'notFound.title' }) : sendNotFoundPage(request, reply);
    }
    return undefined;
  });
}

/**
 * What the error handler answers for an error raised by a request rather than by a bug: a field not
 * read as one string, a multipart body that could not be read, a body too large, any other 4xx of
 * the framework. `null` for everything else (a bug: the 500).
 */
export function answerRequestError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  if (error instanceof FormFieldError) {
    return refuse(request, reply, badRequest('edge.field', { field: error.field }, 400, error.code));
  }
  if (error.statusCode === 413) {
    return refuse(request, reply, TOO_LARGE[413]);
  }
  if (error.statusCode === 429) {
    return refuse(request, reply, badRequest('edge.tooMany', {}, 429, 'request.rate_limited'));
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return refuse(request, reply, badRequest('edge.generic', {}, error.statusCode, typeof error.code === 'string' && error.code !== '' ? error.code : 'request.invalid'));
  }
  // Busboy's errors carry no status: raised while the multipart body was still being read, they are the client's.
  if (!request.bodyChecked && typeof request.isMultipart === 'function' && request.isMultipart()) {
    return refuse(request, reply, badRequest('edge.multipart', {}, 400, 'request.multipart'));
  }
  return null;
}

/** Fastify's own refusals before a route is found: a parameter too long (414), a URL it cannot decode (400). */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return refuse(request, reply, error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? TOO_LARGE[414] : badRequest('edge.badUrl'));
}

/**
 * Node's HTTP parser refuses a request line or headers over its limit before Fastify sees a request:
 * the answer is written to the socket here — a page in the language of the path when the start of the
 * request shows it (414 for a request line that alone is too long, 431 for headers), else 400.
 */
export function answerClientError(err: ConnectionError, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) {
    return;
  }
  const raw: unknown = err.rawPacket;
  const head = Buffer.isBuffer(raw) ? raw.subarray(0, 4096).toString('latin1') : '';
  const target = /^[A-Z]+ (\S+)/.exec(head)?.[1] ?? '/';
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? (head.includes('\r\n') ? 431 : 414) : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const refusal = status === 414 || status === 431 ? TOO_LARGE[status] : badRequest('edge.generic', {}, status);
  let type: string;
  let body: string;
  if (isApi(target)) {
    type = 'application/problem+json; charset=utf-8';
    body = JSON.stringify(problemOf(refusal, target.slice(0, 200)));
  } else {
    const lang = edgeLang(target, /\r\naccept-language:\s*([^\r\n]*)/i.exec(head)?.[1]);
    const ctx = contextOf(lang, `/${lang}/`);
    type = 'text/html; charset=utf-8';
    body = renderPage(<EdgePage ctx={ctx} title={ctx.t(refusal.title)} texts={refusal.texts.map(([k, p]) => ctx.t(k, p))} back={null} />)
      .replace(SESSION_SLOT, renderToString(<SessionBar ctx={ctx} signedIn={null} />));
  }
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Bad Request'}\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Security-Policy: default-src 'self'; script-src 'none'\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(err);
}
