/**
 * The bodies the SMS gateway posts to the portal, checked field by field after the signature (see
 * README.md for the protocol). Pure.
 */
import { hasControlCharacter } from '../../kernel/controls.ts';
import { isE164 } from '../channels/sms/index.ts';

/** How far a webhook's `at` may lie from the portal's clock, either way. */
export const WEBHOOK_WINDOW_SECONDS = 300;
/** The longest incoming text kept (a concatenated message of 10 UCS-2 parts is 670 characters). */
const MAX_TEXT = 2000;
const MAX_ID = 200;

export interface InboundSms {
  readonly messageId: string;
  readonly from: string;
  readonly text: string;
  readonly at: Date;
}

export interface DeliveryReceipt {
  /** The gateway's id of the message. */
  readonly messageId: string;
  /** What the portal sent as the message's reference. */
  readonly reference: string;
  readonly status: 'delivered' | 'failed';
  readonly at: Date;
  readonly error: string | null;
}

/** The body, or the JSON Pointer of its first problem. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly pointer: string };

type Fields = Readonly<Record<string, unknown>>;

/** No lone surrogate: JSON may carry one, and it is no character (PostgreSQL could not store it as written). */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u.test(s);
const isId = (v: unknown): v is string => typeof v === 'string' && v !== '' && v.length <= MAX_ID && !hasControlCharacter(v) && wellFormed(v);

/** An ISO 8601 instant with its zone (`Z` or an offset). */
function instant(v: unknown): Date | null {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(v)) {
    return null;
  }
  const at = new Date(v);
  return Number.isNaN(at.getTime()) ? null : at;
}

function object(raw: string): Fields | null {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : null;
  } catch {
    return null;
  }
}

/** `{ messageId, from (E.164), text, at }`; unknown extra fields are ignored. */
export function parseInbound(raw: string): Parsed<InboundSms> {
  const body = object(raw);
  if (body === null) {
    return { ok: false, pointer: '' };
  }
  const { messageId, from, text } = body;
  const at = instant(body['at']);
  if (!isId(messageId)) {
    return { ok: false, pointer: '/messageId' };
  }
  if (typeof from !== 'string' || !isE164(from)) {
    return { ok: false, pointer: '/from' };
  }
  if (typeof text !== 'string' || text.length > MAX_TEXT || hasControlCharacter(text, ['\n', '\r', '\t']) || !wellFormed(text)) {
    return { ok: false, pointer: '/text' };
  }
  return at === null ? { ok: false, pointer: '/at' } : { ok: true, value: { messageId, from, text, at } };
}

/** `{ messageId, reference, status: "delivered" | "failed", at, error? }`. */
export function parseReceipt(raw: string): Parsed<DeliveryReceipt> {
  const body = object(raw);
  if (body === null) {
    return { ok: false, pointer: '' };
  }
  const { messageId, reference, status, error } = body;
  const at = instant(body['at']);
  if (!isId(messageId)) {
    return { ok: false, pointer: '/messageId' };
  }
  if (!isId(reference)) {
    return { ok: false, pointer: '/reference' };
  }
  if (status !== 'delivered' && status !== 'failed') {
    return { ok: false, pointer: '/status' };
  }
  if (error !== undefined && error !== null && (typeof error !== 'string' || error.length > 500 || !wellFormed(error))) {
    return { ok: false, pointer: '/error' };
  }
  return at === null ? { ok: false, pointer: '/at' } : { ok: true, value: { messageId, reference, status, at, error: typeof error === 'string' ? error : null } };
}

/** Whether a webhook's time is within WEBHOOK_WINDOW_SECONDS of now. */
export const withinWindow = (at: Date, now: Date): boolean => Math.abs(now.getTime() - at.getTime()) <= WEBHOOK_WINDOW_SECONDS * 1000;
