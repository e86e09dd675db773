import type { Lang } from '../../kernel/text.ts';

/**
 * What visitors tell the portal about its pages, and what they searched for in vain, kept without
 * personal data: no address, no person, no session, only the day. Pure.
 */

/** Longest page path and comment kept. */
export const MAX_PATH = 200;
export const MAX_COMMENT = 1000;
export const MAX_QUERY = 200;

export interface PageFeedbackInput {
  readonly path: string;
  readonly lang: Lang;
  readonly useful: boolean;
  readonly comment: string | null;
  /** The service whose page it is (its pages under /{lang}/services/{id}), when there is one. */
  readonly serviceId: string | null;
}

/** A page's path as the form sends it: a path of this portal under a language, no query, no fragment. */
const PAGE_PATH = /^\/(uk|en)(\/[A-Za-z0-9._~%-]+)*\/?$/;
const SERVICE_PATH = /^\/(?:uk|en)\/services\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/|$)/;

/**
 * An e-mail address, a run of six or more digits (a tax number, a passport's or an ID card's number,
 * a telephone number, a bank card; spaces, dots, dashes, slashes and brackets between them allowed),
 * or a number after a plus sign.
 */
const EMAIL = /[^\s@,;:<>()]+@[^\s@,;:<>()]+/u;
const DIGIT_RUN = /(?:\d[\s().\-/]*){6,}/u;
const INTERNATIONAL = /\+\s*\d/u;

/** Whether text looks like it holds a personal number, an e-mail address or a telephone number. */
export function looksPersonal(text: string): boolean {
  return EMAIL.test(text) || DIGIT_RUN.test(text) || INTERNATIONAL.test(text);
}

/** The same text with anything that looks like an e-mail address, a personal number or a telephone number replaced by "…". */
export function redactPersonal(text: string): string {
  return text
    .replace(new RegExp(EMAIL.source, 'gu'), '…')
    .replace(new RegExp(`\\+?${DIGIT_RUN.source}`, 'gu'), '… ')
    .replace(/ +/g, ' ')
    .trim();
}

/**
 * A search query as a content gap is counted: lower case, letters and digits only (apostrophes kept
 * inside words), single spaces; null when nothing is left or when the query looks personal.
 */
export function normaliseQuery(raw: string): string | null {
  if (looksPersonal(raw)) {
    return null;
  }
  const text = raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’ʼ`]/gu, '\'')
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .replace(/(^|\s)'+|'+(?=\s|$)/gu, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
  return text === '' ? null : text.slice(0, MAX_QUERY).trim();
}

export type FeedbackProblem = 'path' | 'answer' | 'comment';

/** Reads the "Was this page useful?" form: the page's path, yes or no, and what was wrong (optional). */
export function readPageFeedback(raw: { path: string; answer: string; comment: string }): { ok: true; value: PageFeedbackInput } | { ok: false; problem: FeedbackProblem } {
  const path = raw.path.trim();
  const match = PAGE_PATH.exec(path);
  if (path.length > MAX_PATH || match === null) {
    return { ok: false, problem: 'path' };
  }
  if (raw.answer !== 'yes' && raw.answer !== 'no') {
    return { ok: false, problem: 'answer' };
  }
  if (raw.comment.length > MAX_COMMENT) {
    return { ok: false, problem: 'comment' };
  }
  const comment = redactPersonal(raw.comment.replace(/\s+/gu, ' ').trim());
  return {
    ok: true,
    value: {
      path: path.length > 3 ? path.replace(/\/$/, '') : path,
      lang: match[1] as Lang,
      useful: raw.answer === 'yes',
      comment: comment === '' || comment === '…' ? null : comment,
      serviceId: SERVICE_PATH.exec(path)?.[1] ?? null,
    },
  };
}
