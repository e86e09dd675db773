import type { FastifyRequest } from 'fastify';

import { isUuid } from '../../kernel/ids.ts';
import { LANGS, type Lang } from '../../kernel/text.ts';
import type { ReceiptsService } from '../../modules/cases/index.ts';
import { ReceiptCheckPage, VerifyPage } from './verify.page.tsx';
import { pageContext, sendPage } from '../common/render.ts';
import { PUBLIC, type WebRoute } from '../common/route-table.ts';

const id = (r: FastifyRequest) => (r.params as { id: string }).id;
const queryText = (r: FastifyRequest, name: string): string => {
  const v = (r.query as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : '';
};

/**
 * The public checks behind the QR codes: a document's authenticity and status, a receipt's existence.
 * Nothing personal is shown; an unknown or malformed reference is a 404 page that says so.
 */
export function verifyRoutes(receipts: ReceiptsService): WebRoute[] {
  const perLang = (lang: Lang): WebRoute[] => [
    {
      method: 'GET', url: `/${lang}/verify/:id`, auth: PUBLIC,
      handler: async (request, reply) => {
        const found = isUuid(id(request)) ? await receipts.verifyDocument(id(request)) : null;
        const view = found === null ? null : {
          kind: found.facts.kind, number: found.facts.number, caseNumber: found.facts.caseNumber, issuer: found.organisationName, issuedAt: found.facts.issuedAt,
          status: found.facts.status, sealValid: found.check.valid, sha256: found.facts.sha256, keyId: found.facts.sealKeyId,
        };
        return sendPage(reply, view === null ? 404 : 200, <VerifyPage ctx={pageContext(request)} view={view} />);
      },
    },
    {
      method: 'GET', url: `/${lang}/verify/receipts/:id`, auth: PUBLIC,
      handler: async (request, reply) => {
        const hash = queryText(request, 'h');
        const found = /^[0-9]{4}-[0-9]{6,}$/.test(id(request)) && /^[0-9a-f]{16,64}$/.test(hash) ? await receipts.checkReceipt(id(request), hash) : null;
        return sendPage(reply, found === null ? 404 : 200, <ReceiptCheckPage ctx={pageContext(request)} found={found} />);
      },
    },
  ];
  return [
    ...LANGS.flatMap(perLang),
    // The short links printed in QR codes go to the Ukrainian page (the state language); it links to English.
    { method: 'GET', url: '/verify/:id', auth: PUBLIC, handler: async (request, reply) => reply.redirect(`/uk/verify/${encodeURIComponent(id(request))}`, 303) },
    {
      method: 'GET', url: '/verify/receipts/:id', auth: PUBLIC,
      handler: async (request, reply) => reply.redirect(`/uk/verify/receipts/${encodeURIComponent(id(request))}?h=${encodeURIComponent(queryText(request, 'h'))}`, 303),
    },
  ];
}
