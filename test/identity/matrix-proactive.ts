/**
 * The authorization matrix's rows for proactive services (ADR 0032): a person's own offer or automatic grant,
 * objecting to it and dismissing it. Another person's item is the same 404 as one that does not exist.
 */
import { OWN_APPEAL_GET_GRID, OWN_PROACTIVE_POST_GRID } from './matrix-rows.ts';
import type { RouteGroup } from './matrix-table.ts';

export const PROACTIVE_GROUPS: readonly RouteGroup[] = [
  {
    title: 'a service offered or granted to the person without an application', requirement: { kind: 'signed-in' }, method: 'GET', expect: OWN_APPEAL_GET_GRID,
    routes: ['/{lang}/cabinet/proactive/:id'],
  },
  {
    title: 'objecting to an automatic grant, dismissing an offer, starting its application', requirement: { kind: 'signed-in' }, method: 'POST', expect: OWN_PROACTIVE_POST_GRID,
    routes: ['/{lang}/cabinet/proactive/:id/object', '/{lang}/cabinet/proactive/:id/dismiss', '/{lang}/cabinet/proactive/:id/start'],
  },
];

/** No such offer or grant: a 404 for every signed-in persona (someone else's is the same 404). */
export const noProactiveItem = () => ({ values: { id: '00000000-0000-4000-8000-0000000000aa' } });
