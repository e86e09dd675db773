import type { FastifyReply, FastifyRequest } from 'fastify';

import type { CatalogueService } from '../../modules/catalogue/index.ts';
import { type SignedIn, type StaffService, administeredAgencies } from '../../modules/identity/index.ts';
import { type StaffChange, StaffAdminPage } from './staff.page.tsx';
import { PATHS } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { type WebRoute, route } from '../common/route-table.ts';
import type { FieldError } from '../common/components.tsx';
import { formString } from '../common/form-values.ts';
import { grantStaffError, revokeStaffError } from './staff-errors.ts';

const ADMINS = { kind: 'staff', roles: ['agency-admin', 'national-admin'] } as const;
type Body = Record<string, string | string[] | undefined>;
const one = (body: Body, key: string) => formString(body, key).trim();

/** Administrators manage officers' roles and agency membership. */
export function staffAdminRoutes(staff: StaffService, catalogue: CatalogueService, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  const render = async (request: FastifyRequest, reply: FastifyReply, status: number, errors: FieldError[], values: Record<string, string>, done: StaffChange | null = null) => {
    const ctx = pageContext(request);
    const signedIn = me(request);
    const scope = administeredAgencies(signedIn);
    const [rows, organisations, centres] = await Promise.all([staff.list(signedIn), catalogue.organisations(), catalogue.centres()]);
    const agencies = organisations.value.filter((o) => scope === null || scope.includes(o.id)).map((o) => ({ id: o.id, name: o.name[ctx.lang] }));
    const names = new Map([...organisations.value, ...centres.value].map((o) => [o.id, o.name[ctx.lang]]));
    const view = { signedIn, rows, agencies, names, centres: centres.value.map((c) => ({ id: c.id, name: c.name[ctx.lang] })), errors, values, done };
    return sendPage(reply, status, <StaffAdminPage ctx={ctx} view={view} />);
  };
  return [
    route(PATHS.staffAdmin, 'GET', ADMINS, async (request, reply) => {
      const done = (request.query as Record<string, unknown>)['done'];
      return render(request, reply, 200, [], {}, done === 'granted' || done === 'revoked' ? done : null);
    }),
    route(PATHS.staffAdmin, 'POST', ADMINS, async (request, reply, { lang }) => {
      const { t } = pageContext(request);
      const body = request.body as Body;
      const values = { nationalId: one(body, 'nationalId'), role: one(body, 'role'), agencyId: one(body, 'agencyId'), centreId: one(body, 'centreId') };
      const granted = await staff.grant(me(request), { ...values, agencyId: values.agencyId || null, centreId: values.centreId || null });
      if (!granted.ok) {
        const e = grantStaffError(granted.error);
        return render(request, reply, e.status, [{ field: e.field, message: t(e.key) }], values);
      }
      return reply.redirect(PATHS.staffAdmin.url(lang, {}, { done: 'granted' }), 303);
    }),
    route(PATHS.revokeStaffRole, 'POST', ADMINS, async (request, reply, { lang, params }) => {
      const { t } = pageContext(request);
      const revoked = await staff.revoke(me(request), params.id);
      if (!revoked.ok) {
        const e = revokeStaffError(revoked.error);
        return render(request, reply, e.status, [{ field: e.field, message: t(e.key) }], {});
      }
      return reply.redirect(PATHS.staffAdmin.url(lang, {}, { done: 'revoked' }), 303);
    }),
  ];
}
