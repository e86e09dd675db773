import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';

import { CAPABILITIES, EU_LEVELS, type MaturityService, OSI_FEATURES, REASONS, UN_STAGES } from '../modules/maturity/index.ts';

const enumOf = (values: readonly string[]) => Type.Unsafe<string>({ type: 'string', enum: [...values] });
const Level = Type.Unsafe<number>({ type: 'integer', enum: [...EU_LEVELS] });

const MaturityOut = Type.Object({
  services: Type.Array(Type.Object({
    serviceId: Type.String(),
    identifier: Type.String({ description: 'Code in the register of administrative services' }),
    name: Type.Object({ uk: Type.String(), en: Type.String() }),
    organisationId: Type.String(),
    euBasicService: Type.Union([Type.String(), Type.Null()], { description: 'The EU basic service the catalogue maps the service to' }),
    level: { ...Level, description: 'EU sophistication level: 1 information, 2 one-way, 3 two-way, 4 transaction, 5 proactive or automatic' },
    stage: { ...enumOf(UN_STAGES), description: 'UN online service stage' },
    checks: Type.Array(Type.Object({ capability: enumOf(CAPABILITIES), met: Type.Boolean(), reason: enumOf(REASONS) })),
  })),
  eu: Type.Object({
    rows: Type.Array(Type.Object({
      code: Type.String(),
      audience: enumOf(['citizens', 'businesses']),
      serviceIds: Type.Array(Type.String()),
      level: Type.Unsafe<number>({ type: 'integer', enum: [0, ...EU_LEVELS], description: '0: no service mapped' }),
      fullyOnline: Type.Boolean(),
    })),
    fullyOnline: Type.Integer(),
    total: Type.Integer(),
    percent: Type.Integer({ minimum: 0, maximum: 100 }),
  }, { description: 'Full online availability of the EU’s 20 basic services' }),
  features: Type.Array(Type.Object({ feature: enumOf(OSI_FEATURES), present: Type.Boolean(), evidence: Type.String() }), { description: 'UN Online Service Index portal features, each checked on the running portal' }),
  levels: Type.Object({ 1: Type.Integer(), 2: Type.Integer(), 3: Type.Integer(), 4: Type.Integer(), 5: Type.Integer() }),
});

/** GET /api/v1/maturity: every service's measured level and stage, the EU 20 figure and the portal's features. */
export function registerMaturityApi(app: FastifyInstance, maturity: Pick<MaturityService, 'report'>): void {
  app.get('/api/v1/maturity', {
    config: { auth: { kind: 'public' } },
    schema: {
      summary: 'How mature the online services are, measured from the catalogue and the running portal',
      tags: ['maturity'],
      querystring: Type.Object({}, { additionalProperties: false }),
      response: { 200: MaturityOut, 400: { $ref: 'Problem#' } },
    },
    handler: async () => maturity.report(),
  });
}
