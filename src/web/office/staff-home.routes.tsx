import type { FastifyReply, FastifyRequest } from 'fastify';

import type { BackOfficeService } from '../../modules/cases/index.ts';
import type { CatalogueService } from '../../modules/catalogue/index.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { me } from '../identity/routes.tsx';
import { officeNavItems } from './office-nav.tsx';
import { StaffHomePage } from './staff-home.page.tsx';
import { staffHomeView } from './staff-home.view.ts';

/** GET /{lang}/staff: the staff home, with agency and centre names from the catalogue and each agency's running cases. */
export function staffHome({ backOffice, catalogue }: { backOffice: BackOfficeService; catalogue: CatalogueService }) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const ctx = pageContext(request);
    const signedIn = me(request);
    const queueAgencies = backOffice.agencies(signedIn);
    const [organisations, centres, counts] = await Promise.all([
      catalogue.organisations(),
      catalogue.centres(),
      Promise.all(queueAgencies.map(async (agencyId) => {
        const page = await backOffice.queue(signedIn, { agencyId, state: null, serviceId: null, assigned: 'any', running: true, cursor: null });
        // counted up to a cap, so that the home page costs the same for an agency with ten cases or a million
        return [agencyId, page.totalCapped ? `${page.total}+` : String(page.total)] as const;
      })),
    ]);
    const named = <T extends { id: string; name: { uk: string; en: string } }>(list: readonly T[]) => list.map((x) => ({ id: x.id, name: x.name[ctx.lang] }));
    const view = staffHomeView(signedIn.staff, named(organisations.value), named(centres.value), queueAgencies, new Map(counts));
    return sendPage(reply, 200, <StaffHomePage ctx={ctx} view={view} nav={officeNavItems(signedIn)} />);
  };
}
