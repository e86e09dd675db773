import { isUuid } from '../../kernel/ids.ts';
import { err, ok, type Result } from '../../kernel/result.ts';
import { REGISTRY_FEED_KEYS, REGISTRY_FEEDS, type RegistryFeedKey } from '../../platform/registries/index.ts';
import { kyivDay } from '../deadlines/index.ts';
import type { SignedIn } from '../identity/index.ts';
import { ProactiveNotFound } from './proactive.errors.ts';
import { proactiveRepository } from './proactive.repository.ts';
import { mayDismiss, mayObject, mayStart, type ProactiveItem, servicesTriggered } from './proactive.ts';

import { dismissItem, objectTo, startFrom } from './proactive-decisions.service.ts';
import { grantDue, pullFeed, type ProactiveDeps } from './proactive-feed.service.ts';

export type { ProactiveDeps } from './proactive-feed.service.ts';

/**
 * Proactive services (ADR 0032): the job reads each registry's feed of events through the exchange, a feed claimed
 * by one process at a time; for every service the catalogue lets an event trigger, it writes one item per event and
 * service (the item's unique key: never twice, whatever runs at once), opening the case itself for an automatic
 * grant; the person is told through the outbox. After the objection window the job grants per the workflow, or
 * leaves the case to an officer. The person may object (the case is withdrawn) or dismiss an offer.
 */
export function createProactiveService(deps: ProactiveDeps) {
  return {
    /** The job's part: every feed read once (ADR 0032); then the automatic grants whose window has passed. */
    async run(): Promise<{ events: number; items: number; granted: number; forOfficer: number }> {
      const all = (await deps.catalogue.proactiveServices()).value;
      let events = 0;
      let items = 0;
      for (const feed of REGISTRY_FEED_KEYS) {
        const services = REGISTRY_FEEDS[feed].kinds.flatMap((kind) => servicesTriggered(all, kind));
        const done = await pullFeed(deps, feed, services);
        events += done.events;
        items += done.items;
      }
      const decided = await grantDue(deps, all);
      return { events, items, ...decided };
    },

    /** The cursor a feed has reached (for tests and operations). */
    cursorOf: (feed: RegistryFeedKey) => proactiveRepository.cursorOf(deps.db, feed),

    /** One of the signed-in person's items (their own: acting for themselves), or not found. */
    async item(signedIn: SignedIn, id: string): Promise<Result<ProactiveItem & { readonly canObject: boolean; readonly canDismiss: boolean; readonly canStart: boolean }, ProactiveNotFound>> {
      const item = isUuid(id) ? await proactiveRepository.byId(deps.db, id) : null;
      return item === null || item.personId !== signedIn.person.id ? err(new ProactiveNotFound(id)) : ok({ ...item, canObject: mayObject(item, kyivDay(deps.clock.now())), canDismiss: mayDismiss(item), canStart: mayStart(item) });
    },

    /** The signed-in person's items, newest first. */
    mine: (signedIn: SignedIn) => proactiveRepository.ofPerson(deps.db, signedIn.person.id, 50),

    /** The person objects to an automatic grant within its window: the case is withdrawn, audited. */
    object: (signedIn: SignedIn, id: string) => objectTo(deps, signedIn, id),

    /** The person dismisses an offer, audited. */
    dismiss: (signedIn: SignedIn, id: string) => dismissItem(deps, signedIn, id),

    /** The person starts the application from an offer: the item is `started`, audited. */
    start: (signedIn: SignedIn, id: string) => startFrom(deps, signedIn, id),
  };
}

export type ProactiveService = ReturnType<typeof createProactiveService>;
