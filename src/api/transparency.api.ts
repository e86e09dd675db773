/**
 * The audit log's public transparency URLs (ADR 0016): signed checkpoints, the key that verifies
 * them, and inclusion and consistency proofs. Hashes only: an entry's content (personal data) is
 * never public. Anyone may fetch the checkpoints and keep them elsewhere (a witness), then ask for a
 * consistency proof from the one they kept to the latest.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from '@sinclair/typebox';

import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { ProofRefusal } from '../platform/audit/proofs.ts';
import { PROBLEM_BASE, sendProblem } from '../platform/http/problem.ts';

const PROBLEM = { $ref: 'Problem#' };
const PUBLIC_ROUTE = { auth: { kind: 'public' } } as const;
const BASE = '/api/v1/transparency/audit';
const Size = (description: string) => Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description });

const Checkpoint = Type.Object({
  treeSize: Type.Integer({ description: 'Entries in the tree' }),
  rootHash: Type.String({ description: 'RFC 9162 Merkle tree hash of the first treeSize entries, hex' }),
  signedAt: Type.String({ format: 'date-time' }),
  keyId: Type.String({ description: 'First 16 hex digits of the SHA-256 of the raw public key' }),
  signature: Type.String({ description: 'Ed25519 over "portico audit log\\n{treeSize}\\n{rootHash}\\n{signedAt}\\n", base64url' }),
});
const InclusionQuery = Type.Object({
  leaf: Type.Optional(Size('Leaf index of the entry')),
  entry: Type.Optional(Size('Insertion id of the entry (instead of leaf)')),
  size: Size('Tree size the proof is for (a checkpoint\'s)'),
});
const ConsistencyQuery = Type.Object({ from: Size('The older tree size'), to: Size('The newer tree size') });

function refused(request: FastifyRequest, reply: FastifyReply, reason: ProofRefusal) {
  return sendProblem(reply, reason === 'not-sealed'
    ? { type: `${PROBLEM_BASE}not-found`, title: 'Not found', status: 404, code: 'audit.not_sealed', detail: 'That entry is not in the tree yet, or does not exist', instance: request.url }
    : { type: `${PROBLEM_BASE}invalid-query`, title: 'Invalid query parameters', status: 400, code: 'audit.beyond_tree', detail: 'The sizes and index must lie within the signed tree, the first no larger than the second', instance: request.url });
}

export function registerTransparencyApi(app: FastifyInstance, log: AuditLog): void {
  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-cache');

  app.get(`${BASE}/public-key`, {
    config: PUBLIC_ROUTE,
    schema: {
      summary: 'The Ed25519 public key that signs the audit log\'s checkpoints',
      tags: ['transparency'],
      response: { 200: Type.Object({ keyId: Type.String(), algorithm: Type.Literal('Ed25519'), publicKey: Type.String({ description: 'The raw 32-byte key, base64url' }) }) },
    },
    handler: async () => log.publicKey,
  });

  app.get(`${BASE}/checkpoints/latest`, {
    config: PUBLIC_ROUTE,
    schema: { summary: 'The latest signed checkpoint of the audit log', tags: ['transparency'], response: { 200: Checkpoint, 404: PROBLEM } },
    handler: async (request, reply) => {
      const latest = await log.latest();
      noStore(reply);
      return latest ?? sendProblem(reply, { type: `${PROBLEM_BASE}not-found`, title: 'Not found', status: 404, code: 'audit.no_checkpoint', detail: 'Nothing has been sealed yet', instance: request.url });
    },
  });

  app.get(`${BASE}/checkpoints`, {
    config: PUBLIC_ROUTE,
    schema: {
      summary: 'Signed checkpoints of the audit log, newest first',
      tags: ['transparency'],
      querystring: Type.Object({ before: Type.Optional(Size('Only checkpoints of fewer entries (the next page)')), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })) }),
      response: { 200: Type.Object({ items: Type.Array(Checkpoint) }), 400: PROBLEM },
    },
    handler: async (request, reply) => {
      const q = request.query as { before?: number; limit?: number };
      noStore(reply);
      return { items: await log.checkpoints({ ...(q.before === undefined ? {} : { before: q.before }), limit: q.limit ?? 100 }) };
    },
  });

  app.get(`${BASE}/proofs/inclusion`, {
    config: PUBLIC_ROUTE,
    schema: {
      summary: 'The inclusion proof of an entry in the tree of a checkpoint (RFC 9162 section 2.1.3)',
      tags: ['transparency'],
      querystring: InclusionQuery,
      response: {
        200: Type.Object({ leafIndex: Type.Integer(), treeSize: Type.Integer(), leafHash: Type.String(), path: Type.Array(Type.String(), { description: 'Hex hashes, leaf to root' }) }),
        400: PROBLEM, 404: PROBLEM,
      },
    },
    handler: async (request, reply) => {
      const q = request.query as Static<typeof InclusionQuery>;
      if ((q.leaf === undefined) === (q.entry === undefined)) {
        return sendProblem(reply, { type: `${PROBLEM_BASE}invalid-query`, title: 'Invalid query parameters', status: 400, code: 'request.invalid', errors: [{ pointer: '/leaf', detail: 'give either leaf or entry' }], instance: request.url });
      }
      const proof = q.leaf !== undefined ? await log.inclusionProof(q.leaf, q.size) : await log.inclusionProofOfEntry(q.entry ?? -1, q.size);
      return proof.ok ? proof.proof : refused(request, reply, proof.reason);
    },
  });

  app.get(`${BASE}/proofs/consistency`, {
    config: PUBLIC_ROUTE,
    schema: {
      summary: 'The proof that the tree of one checkpoint extends the tree of an older one (RFC 9162 section 2.1.4)',
      tags: ['transparency'],
      querystring: ConsistencyQuery,
      response: { 200: Type.Object({ fromSize: Type.Integer(), toSize: Type.Integer(), path: Type.Array(Type.String()) }), 400: PROBLEM },
    },
    handler: async (request, reply) => {
      const q = request.query as Static<typeof ConsistencyQuery>;
      const proof = await log.consistencyProof(q.from, q.to);
      return proof.ok ? proof.proof : refused(request, reply, proof.reason);
    },
  });
}
