/**
 * Fastify's response serializers, shared by every server built in one process. Fastify builds a new
 * serializer compiler (fast-json-stringify) for each instance, so a process that builds the portal
 * many times (the test suite builds it once per test file, in workers that run many files) compiled
 * every route's response schemas anew each time: about three quarters of the cost of building the
 * server (BENCHMARKS.md, "Time of the test runs in CI: where the CPU goes, and setups that compile
 * once"). The
 * compiler here keeps what it compiled, keyed by the schema object (most routes' schemas are module
 * constants, and a schema several routes share is compiled once), else by the schema's text (a
 * schema made anew with each server), and by the shared schemas and options it was compiled with. A server built once (the portal in production) compiles each schema
 * once, as before. Validators stay Fastify's own: a custom validator compiler would change how
 * Fastify prepares header schemas.
 */
import { type Serializer, type SerializerCompiler, type SerializerFactory, SerializerSelector } from '@fastify/fast-json-stringify-compiler';

const serializerSelector = SerializerSelector();

/** What one set of shared schemas and options compiled: by schema object, and by schema text. */
interface Compiled {
  readonly byObject: WeakMap<object, Serializer>;
  readonly byText: Map<string, Serializer>;
}
const serializers = new Map<string, Compiled>();

const buildSerializer: SerializerFactory = (externalSchemas, options): SerializerCompiler => {
  const compile = serializerSelector(externalSchemas, options);
  const key = JSON.stringify([externalSchemas ?? null, options ?? null]);
  const cache = serializers.get(key) ?? { byObject: new WeakMap<object, Serializer>(), byText: new Map<string, Serializer>() };
  serializers.set(key, cache);
  return (route) => {
    if (typeof route.schema !== 'object' || route.schema === null) {
      return compile(route);
    }
    let serializer = cache.byObject.get(route.schema);
    if (serializer === undefined) {
      // A schema built anew with each server (a route whose schema is made where it is registered)
      // is found by its text: the serializer depends on the schema, the shared schemas and the options.
      const text = JSON.stringify(route.schema);
      serializer = cache.byText.get(text) ?? compile(route);
      cache.byText.set(text, serializer);
      cache.byObject.set(route.schema, serializer);
    }
    return serializer;
  };
};

/** Fastify's `schemaController` option: the shared serializer compiler. */
export const sharedSchemaCompilers = { compilersFactory: { buildSerializer } } as const;
