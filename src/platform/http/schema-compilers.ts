/**
 * Fastify's response serializers, shared by every server built in one process. Fastify builds a new
 * serializer compiler (fast-json-stringify) for each instance, so a process that builds the portal
 * many times (the test suite builds it once per test file, in workers that run many files) compiled
 * every route's response schemas anew each time: about three quarters of the cost of building the
 * server (BENCHMARKS.md, "Time of the test runs in CI: where the CPU goes, and setups that compile
 * once"). The
 * compiler here keeps what it compiled, keyed by the schema object (the routes' schemas are module
 * constants, and a schema several routes share is compiled once) and by the shared schemas and
 * options it was compiled with. A server built once (the portal in production) compiles each schema
 * once, as before. Validators stay Fastify's own: a custom validator compiler would change how
 * Fastify prepares header schemas.
 */
import { type Serializer, type SerializerCompiler, type SerializerFactory, SerializerSelector } from '@fastify/fast-json-stringify-compiler';

const serializerSelector = SerializerSelector();
const serializers = new Map<string, WeakMap<object, Serializer>>();

const buildSerializer: SerializerFactory = (externalSchemas, options): SerializerCompiler => {
  const compile = serializerSelector(externalSchemas, options);
  const key = JSON.stringify([externalSchemas ?? null, options ?? null]);
  const cache = serializers.get(key) ?? new WeakMap<object, Serializer>();
  serializers.set(key, cache);
  return (route) => {
    if (typeof route.schema !== 'object' || route.schema === null) {
      return compile(route);
    }
    let serializer = cache.get(route.schema);
    if (serializer === undefined) {
      serializer = compile(route);
      cache.set(route.schema, serializer);
    }
    return serializer;
  };
};

/** Fastify's `schemaController` option: the shared serializer compiler. */
export const sharedSchemaCompilers = { compilersFactory: { buildSerializer } } as const;
