import type { Service } from '../catalogue/index.ts';
import type { PartyCases } from '../cases/index.ts';
import { visiblePages } from '../forms/index.ts';
import type { SignedIn } from '../identity/index.ts';
import type { Draft } from './application.ts';
import { draftsRepository } from './drafts.repository.ts';
import type { DraftsDeps } from './drafts.service.ts';

/** A draft as the cabinet lists it: its service and the page to continue from. */
export interface CabinetDraft {
  readonly draft: Draft;
  readonly service: Service | null;
  readonly firstPage: string | null;
}

/** One party in the cabinet: its cases (from the cases module) and the person's drafts for it. */
export interface CabinetParty extends PartyCases {
  readonly drafts: readonly CabinetDraft[];
}

const sameParty = (draft: Draft, party: PartyCases['option']['party']): boolean =>
  party.kind === 'self' ? draft.party.kind === 'self' : draft.party.kind === party.kind && draft.party.id === party.id;

/** The cabinet as of `at` (the service's clock): one entry per party the person may act for now. */
export interface Cabinet {
  readonly at: Date;
  readonly parties: readonly CabinetParty[];
}

/** The cabinet: for each party the person may act for now, their cases, the questions and fees waiting, and the drafts to finish. */
export function cabinetQueries(deps: DraftsDeps) {
  const { db, cases, catalogue, clock } = deps;
  return {
    async cabinet(signedIn: SignedIn): Promise<Cabinet> {
      const [parties, drafts] = await Promise.all([cases.overview(signedIn), draftsRepository.ofPerson(deps.reads ?? db, signedIn.person.id)]);
      const withServices = await Promise.all(drafts.map(async (draft): Promise<CabinetDraft> => {
        const service = (await catalogue.service(draft.serviceId)).value;
        return { draft, service, firstPage: service?.form ? (visiblePages(service.form, draft.answers)[0]?.id ?? null) : null };
      }));
      // A draft for a party the person no longer acts for is not offered: it could not be continued.
      return { at: clock.now(), parties: parties.map((p) => ({ ...p, drafts: withServices.filter((d) => sameParty(d.draft, p.option.party)) })) };
    },
  };
}
