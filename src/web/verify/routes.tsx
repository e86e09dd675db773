import type { FastifyRequest } from 'fastify';

import { isUuid } from '../../kernel/ids.ts';
import type { ReceiptsService } from '../../modules/cases/index.ts';
import { ReceiptCheckPage, VerifyPage } from './verify.page.tsx';
import { pageContext, sendPage } from '../common/render.ts';
import { PATHS } from '../common/paths.ts';
import { PUBLIC, type WebRoute, route } from '../common/route-table.ts';

const queryText = (r: FastifyRequest, name: string): string => {
  const v = (r.query as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : '';
};

/**
 * The public checks behind the QR codes: a document's authenticity and status, a receipt's existence.
 * Nothing personal is shown; an unknown or malformed reference is a 404 page that says so.
 */
export function verifyRoutes(receipts: ReceiptsService): WebRoute[] {
  return [
    route(PATHS.verify, 'GET', PUBLIC, async (request, reply, { params: { id } }) => {
      const found = isUuid(id) ? await receipts.verifyDocument(id) : null;
      const view = found === null ? null : {
        kind: found.facts.kind, number: found.facts.number, caseNumber: found.facts.caseNumber, issuer: found.organisationName, issuedAt: found.facts.issuedAt,
        status: found.facts.status, sealValid: found.check.valid, sha256: found.facts.sha256, keyId: found.facts.sealKeyId,
      };
      return sendPage(reply, view === null ? 404 : 200, <VerifyPage ctx={pageContext(request)} view={view} />);
    }),
    route(PATHS.verifyReceipt, 'GET', PUBLIC, async (request, reply, { params: { id } }) => {
      const hash = queryText(request, 'h');
      const found = /^[0-9]{4}-[0-9]{6,}$/.test(id) && /^[0-9a-f]{16,64}$/.test(hash) ? await receipts.checkReceipt(id, hash) : null;
      return sendPage(reply, found === null ? 404 : 200, <ReceiptCheckPage ctx={pageContext(request)} found={found} />);
    }),
    // The short links printed in QR codes go to the Ukrainian page (the state language); it links to English.
    route(PATHS.verifyShort, 'GET', PUBLIC, async (_request, reply, { params }) => reply.redirect(PATHS.verify.url('uk', params), 303)),
    route(PATHS.verifyReceiptShort, 'GET', PUBLIC, async (request, reply, { params }) => reply.redirect(`${PATHS.verifyReceipt.url('uk', params)}?h=${encodeURIComponent(queryText(request, 'h'))}`, 303)),
  ];
}
