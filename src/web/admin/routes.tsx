import type { FastifyReply, FastifyRequest } from 'fastify';

import { LANGS, type Lang } from '../../kernel/text.ts';
import type { CatalogueService } from '../../modules/catalogue/index.ts';
import { type SignedIn, type StaffService, administeredAgencies } from '../../modules/identity/index.ts';
import { type StaffChange, StaffAdminPage } from './staff.page.tsx';
import { paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import type { WebRoute } from '../common/route-table.ts';
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
  const perLang = (lang: Lang): WebRoute[] => [
    {
      method: 'GET', url: `/${lang}/admin/staff`, auth: ADMINS,
      handler: async (request, reply) => {
        const done = (request.query as Record<string, unknown>)['done'];
        return render(request, reply, 200, [], {}, done === 'granted' || done === 'revoked' ? done : null);
      },
    },
    {
      method: 'POST', url: `/${lang}/admin/staff`, auth: ADMINS,
      handler: async (request, reply) => {
        const { t } = pageContext(request);
        const body = request.body as Body;
        const values = { nationalId: one(body, 'nationalId'), role: one(body, 'role'), agencyId: one(body, 'agencyId'), centreId: one(body, 'centreId') };
        const granted = await staff.grant(me(request), { ...values, agencyId: values.agencyId || null, centreId: values.centreId || null });
        if (!granted.ok) {
          const e = grantStaffError(granted.error);
          return render(request, reply, e.status, [{ field: e.field, message: t(e.key) }], values);
        }
        return reply.redirect(`${paths.staffAdmin(lang)}?done=granted`, 303);
      },
    },
    {
      method: 'POST', url: `/${lang}/admin/staff/:id/revoke`, auth: ADMINS, params: { id: 'uuid' },
      handler: async (request, reply) => {
        const { t } = pageContext(request);
        const revoked = await staff.revoke(me(request), (request.params as { id: string }).id);
        if (!revoked.ok) {
          const e = revokeStaffError(revoked.error);
          return render(request, reply, e.status, [{ field: e.field, message: t(e.key) }], {});
        }
        return reply.redirect(`${paths.staffAdmin(lang)}?done=revoked`, 303);
      },
    },
  ];
  return LANGS.flatMap(perLang);
}
