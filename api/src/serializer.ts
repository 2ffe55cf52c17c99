/**
 * Response serialisation from the zod contracts with fast-json-stringify (Fastify's own compiled
 * serialiser) instead of a zod parse plus JSON.stringify on every reply (issue 8).
 *
 * Each route's zod response schema is turned into JSON Schema (`z.toJSONSchema`, `io: 'output'`),
 * so the contract stays the one source, and compiled on the route's first reply (not at start-up).
 * Like zod's parse, the compiled serialiser writes only the properties the contract names: a
 * field a service returns that is not in the contract never leaves the server.
 *
 * A schema JSON Schema cannot express (a transform, a date object type…) or that
 * fast-json-stringify refuses keeps zod's serialiser; `compileResponseSerializer` reports which.
 * With `checkWithZod` (NODE_ENV=test) every reply is also run through zod and must come out as
 * the same JSON, so a contract drift or a difference between the two still fails the tests. The
 * one visible difference: an object's optional properties come after its required ones.
 */
import { createRequire } from 'node:module';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { $ZodType, safeEncode } from 'zod/v4/core';

type Stringify = (data: unknown) => string;
type JsonSchema = Record<string, unknown>;
type FastJson = (schema: JsonSchema, options?: Record<string, unknown>) => Stringify;

// Loaded with the first reply that needs it (it brings ajv along), not at start-up. Synchronous,
// because a serialiser is: the first compile pays for it once.
let fastJson: FastJson | undefined;
const loadFastJson = (): FastJson => {
  fastJson ??= createRequire(import.meta.url)('fast-json-stringify') as FastJson;
  return fastJson;
};

/** A route's response schema as Fastify hands it over: a zod type, or `{ properties: zodType }`. */
function zodSchemaOf(schema: unknown): $ZodType | undefined {
  if (schema instanceof $ZodType) return schema;
  const inner = (schema as { properties?: unknown } | null)?.properties;
  return inner instanceof $ZodType ? inner : undefined;
}

const isObject = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Adapts zod's JSON Schema to what fast-json-stringify serialises fastest, with the same output:
 * - `anyOf: [X, { type: 'null' }]` (zod's `.nullable()`) becomes X with `nullable: true`, so no
 *   Ajv match runs per value;
 * - `additionalProperties: false` goes: fast-json-stringify drops undeclared properties anyway,
 *   and an `anyOf` branch must still match an object that carries extra fields.
 * Returns a new schema; zod's object is not changed.
 */
export function prepareJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(prepareJsonSchema);
  if (!isObject(node)) return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema') continue;
    if (key === 'additionalProperties' && value === false) continue;
    if (key === 'properties' || key === 'definitions' || key === '$defs' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(value as JsonSchema).map(([k, v]) => [k, prepareJsonSchema(v)]));
    } else if (key === 'enum' || key === 'const' || key === 'default' || key === 'required' || key === 'examples') {
      out[key] = value;
    } else {
      out[key] = prepareJsonSchema(value);
    }
  }
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const nullAt = anyOf.findIndex((b) => isObject(b) && b.type === 'null' && Object.keys(b).length === 1);
    const other = anyOf[1 - nullAt];
    if (nullAt >= 0 && isObject(other) && typeof other.type === 'string' && !other.anyOf && !other.oneOf && !other.$ref) {
      const { anyOf: _, ...rest } = out;
      return { ...rest, ...other, nullable: true };
    }
  }
  return out;
}

/** Turns every Date into its ISO string, as fast-json-stringify writes it (for the zod cross-check). */
function datesToIso(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(datesToIso);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = datesToIso(v);
    return out;
  }
  return value;
}

export type CompiledSerializer = { kind: 'fast'; stringify: Stringify } | { kind: 'zod'; stringify: Stringify; reason: string };

/** zod's serialiser (what fastify-type-provider-zod did): encode with the contract, then JSON.stringify. */
function zodStringify(schema: $ZodType, method: string, url: string): Stringify {
  return (data) => {
    const result = safeEncode(schema, data);
    if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
}

/** Compiles one response schema: fast-json-stringify from its JSON Schema, or zod when that cannot be done. */
export function compileResponseSerializer(schema: unknown, method: string, url: string): CompiledSerializer {
  const zodSchema = zodSchemaOf(schema);
  const build = loadFastJson();
  if (!zodSchema) return { kind: 'fast', stringify: build(schema as JsonSchema) };
  try {
    const json = z.toJSONSchema(zodSchema as z.ZodType, { io: 'output', target: 'draft-7', unrepresentable: 'throw', cycles: 'ref' });
    return { kind: 'fast', stringify: build(prepareJsonSchema(json) as JsonSchema) };
  } catch (err) {
    return { kind: 'zod', stringify: zodStringify(zodSchema, method, url), reason: err instanceof Error ? err.message : String(err) };
  }
}

/** JSON text of a value with every object's keys sorted, so two orders of the same properties compare equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The compiled serialiser and zod wrote different JSON for the same reply (tests only). */
export class SerializerMismatchError extends Error {
  override name = 'SerializerMismatchError';
}

/**
 * The check behind every reply under NODE_ENV=test: zod must accept the data, and what it writes
 * must be the same JSON value (fast-json-stringify puts optional properties after required ones).
 */
export function checkedWithZod(fast: Stringify, schema: $ZodType, method: string, url: string): Stringify {
  return (data) => {
    const out = fast(data);
    const viaZod = safeEncode(schema, datesToIso(data));
    if (viaZod.error) throw new ResponseSerializationError(method, url, { cause: viaZod.error });
    const expected = JSON.stringify(viaZod.data);
    // fast-json-stringify writes required properties before optional ones; the JSON value is what must agree.
    if (out !== expected && canonicalJson(JSON.parse(out)) !== canonicalJson(viaZod.data)) {
      throw new SerializerMismatchError(
        `${method} ${url}: fast-json-stringify wrote ${out.slice(0, 500)} where zod wrote ${expected.slice(0, 500)}`,
      );
    }
    return out;
  };
}

export type SerializerOptions = {
  /** Also serialise every reply with zod and fail on any difference (tests). */
  checkWithZod: boolean;
  /** Told once per route that keeps zod's serialiser, with the reason. */
  onFallback?: (route: { method: string; url: string; status: string; reason: string }) => void;
};

/**
 * Fastify serializer compiler (`schemaController.compilersFactory.buildSerializer`, or
 * `setSerializerCompiler`). Compilation waits for the route's first reply.
 */
export function createSerializerCompiler(options: SerializerOptions) {
  return ({ schema, method, url, httpStatus }: { schema?: unknown; method: string; url: string; httpStatus?: string }): Stringify => {
    let compiled: Stringify | undefined;
    const compile = (): Stringify => {
      const result = compileResponseSerializer(schema, method, url);
      if (result.kind === 'zod') options.onFallback?.({ method, url, status: String(httpStatus ?? ''), reason: result.reason });
      const zodSchema = zodSchemaOf(schema);
      return options.checkWithZod && result.kind === 'fast' && zodSchema
        ? checkedWithZod(result.stringify, zodSchema, method, url)
        : result.stringify;
    };
    return (data) => {
      compiled ??= compile();
      return compiled(data);
    };
  };
}
