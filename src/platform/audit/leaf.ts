import { canonicalJson } from '../../kernel/canonical-json.ts';
import type { StoredEntry } from './audit-log.repository.ts';
import { type Hash, leafHash } from './merkle.ts';

/** A leaf of the tree: the canonical JSON of an entry's content and insertion id (UTF-8), hashed as RFC 9162 says. */
export function leafOf(e: Omit<StoredEntry, 'leafIndex'>): Hash {
  return leafHash(Buffer.from(canonicalJson({
    id: e.id, at: e.at.toISOString(), action: e.action, outcome: e.outcome, channel: e.channel,
    actor: e.actorPersonId, actingFor: e.actingFor, subject: e.subject, detail: e.detail,
  }), 'utf8'));
}
