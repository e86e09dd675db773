import { Type } from '@sinclair/typebox';

import { CentreSchema, EventSchema, OrganisationSchema, ServiceSchema } from '../modules/catalogue/index.ts';

const Version = { version: Type.Integer({ minimum: 1, description: 'Version of the record; an edit adds a version' }) };

export const ServiceOut = Type.Composite([ServiceSchema, Type.Object(Version)], { $id: 'Service' });
export const OrganisationOut = Type.Composite([OrganisationSchema, Type.Object(Version)], { $id: 'Organisation' });
export const CentreOut = Type.Composite([CentreSchema, Type.Object(Version)], { $id: 'Centre' });
export const EventOut = Type.Composite([EventSchema, Type.Object(Version)], { $id: 'Event' });

const FacetList = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }));

export const ServicePageOut = Type.Object({
  total: Type.Integer({ description: 'Services matching the query and filters' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(Type.Ref('Service')),
  facets: Type.Object({
    audience: FacetList,
    organisation: FacetList,
    event: FacetList,
    channel: FacetList,
    online: FacetList,
  }),
});

export const ListOf = (ref: string) => Type.Object({ total: Type.Integer(), items: Type.Array(Type.Ref(ref)) });

export const IdParams = Type.Object({ id: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 }) }, { additionalProperties: false });

export const ProblemOut = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    code: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ pointer: Type.String(), detail: Type.String() }))),
  },
  { $id: 'Problem' },
);
