/**
 * The outbox message the collection module sends: the result of a case is ready for collection (or a
 * reminder that it still waits). Everything the notice says travels in it, in both languages, so the
 * notifications module tells each person in their own. Pure.
 */
import type { LocalText } from '../../kernel/text.ts';

export const COLLECTION_READY_TOPIC = 'collection.ready';

/** `collection.ready`. */
export interface CollectionReadyMessage {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly collectionId: string;
  readonly notice: 'ready' | 'reminder';
  /** What is ready: the service's result (a passport, a certificate), or the service's name. */
  readonly what: LocalText;
  readonly centreName: LocalText;
  readonly address: LocalText;
  readonly hours: LocalText;
  /** The last day to collect ('YYYY-MM-DD'), or null. */
  readonly collectBy: string | null;
}

type Fields = Readonly<Record<string, unknown>>;
const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): boolean => isObject(v) && typeof v['uk'] === 'string' && typeof v['en'] === 'string';

export function parseCollectionReady(payload: unknown): CollectionReadyMessage | null {
  if (!isObject(payload) || !['caseId', 'caseNumber', 'collectionId'].every((n) => typeof payload[n] === 'string')) {
    return null;
  }
  if (payload['notice'] !== 'ready' && payload['notice'] !== 'reminder') {
    return null;
  }
  if (!['what', 'centreName', 'address', 'hours'].every((n) => isText(payload[n]))) {
    return null;
  }
  const by = payload['collectBy'];
  if (!(by === null || (typeof by === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(by)))) {
    return null;
  }
  return payload as unknown as CollectionReadyMessage;
}
