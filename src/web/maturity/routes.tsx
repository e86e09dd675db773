import type { MaturityService } from '../../modules/maturity/index.ts';
import { PATHS } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { PUBLIC, type WebRoute, route } from '../common/route-table.ts';
import { MaturityPage } from './maturity.page.tsx';

/** The services' maturity, measured (public, both languages). */
export function maturityRoutes(deps: { maturity: Pick<MaturityService, 'report'> }): WebRoute[] {
  return [
    route(PATHS.maturity, 'GET', PUBLIC, async (request, reply) => sendPage(reply, 200, <MaturityPage ctx={pageContext(request)} report={await deps.maturity.report()} />)),
  ];
}
