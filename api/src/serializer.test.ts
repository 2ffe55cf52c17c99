import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  checkedWithZod,
  compileResponseSerializer,
  createSerializerCompiler,
  prepareJsonSchema,
  SerializerMismatchError,
} from './serializer';

const Item = z.object({
  id: z.uuid(),
  name: z.string(),
  note: z.string().nullable(),
  kind: z.enum(['flat', 'storage']),
  when: z.iso.datetime(),
  count: z.number().int(),
  share: z.number(),
  open: z.boolean(),
  tags: z.array(z.string()),
  extra: z.string().optional(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
const Page = z.object({ items: z.array(Item), total: z.number().int(), nextCursor: z.string().nullable() });
const StrictPage = Page.extend({ items: z.array(Item.omit({ extra: true, params: true })) });

const viaZod = (schema: z.ZodType, data: unknown) => JSON.stringify(z.encode(schema, data as never));
/** The same JSON value: parsed, with keys sorted (optional properties come last from fast-json-stringify). */
const sameJson = (a: string, b: string) => expect(sortKeys(JSON.parse(a))).toEqual(sortKeys(JSON.parse(b)));
const sortKeys = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sortKeys)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, x]) => [k, sortKeys(x)]),
        )
      : v;
const compiled = new Map<z.ZodType, (data: unknown) => string>();
const fast = (schema: z.ZodType, data: unknown) => {
  let stringify = compiled.get(schema);
  if (!stringify) {
    const result = compileResponseSerializer(schema, 'GET', '/test');
    expect(result.kind).toBe('fast');
    stringify = result.stringify;
    compiled.set(schema, stringify);
  }
  return stringify(data);
};

// Text with what JSON must escape: quotes, backslashes, controls, non-ASCII, half surrogate pairs.
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('"', '\\', '\n\u0000', '\u2028', '\ud800', 'å"ä\\ö'));
const item = fc.record(
  {
    id: fc.uuid(),
    name: text,
    note: fc.option(text, { nil: null }),
    kind: fc.constantFrom('flat', 'storage'),
    when: fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
    count: fc.integer(),
    share: fc.double({ noNaN: true, noDefaultInfinity: true }),
    open: fc.boolean(),
    tags: fc.array(text, { maxLength: 4 }),
    extra: text,
    owner: fc.option(fc.record({ id: fc.uuid(), name: text }), { nil: null }),
    // Not `__proto__` as a key: zod's own output loses it (assigning it sets the prototype), while
    // the compiled serialiser writes it as sent; services never build records from such keys.
    params: fc.dictionary(
      text.filter((k) => k !== '__proto__'),
      fc.oneof(text, fc.integer()),
    ),
  },
  { requiredKeys: ['id', 'name', 'note', 'kind', 'when', 'count', 'share', 'open', 'tags', 'owner'] },
);

describe('the compiled response serialiser', () => {
  it('writes exactly what zod writes, for any data the contract accepts', () => {
    const page = fc.record({ items: fc.array(item, { maxLength: 5 }), total: fc.nat(), nextCursor: fc.option(fc.string(), { nil: null }) });
    fc.assert(
      fc.property(page, (data) => {
        const out = fast(Page, data);
        const zodOut = viaZod(Page, data);
        sameJson(out, zodOut);
        // With no optional properties (whose place differs) it is the same bytes.
        const strict = { ...data, items: data.items.map(({ extra: _e, params: _p, ...rest }) => rest) };
        expect(fast(StrictPage, strict)).toBe(viaZod(StrictPage, strict));
      }),
      { numRuns: 200 },
    );
  });

  it('never sends a field the contract does not name, at any depth', () => {
    const leaky = {
      total: 1,
      nextCursor: null,
      passwordHash: 'top',
      items: [
        {
          id: '3f1a2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b',
          name: 'A',
          note: null,
          kind: 'flat',
          when: '2026-01-02T03:04:05.000Z',
          count: 1,
          share: 0.5,
          open: true,
          tags: [],
          owner: { id: 'o', name: 'Owner', landlordId: 'nested' },
          internalNote: 'in an array item',
        },
      ],
    };
    const out = fast(Page, leaky);
    expect(out).not.toMatch(/passwordHash|landlordId|internalNote|top|nested|in an array item/);
    sameJson(out, viaZod(Page, leaky));
  });

  it('writes a Date in a date-time field as its ISO string', () => {
    const When = z.object({ at: z.iso.datetime(), maybe: z.iso.datetime().nullable() });
    const at = new Date('2026-11-30T12:00:00.123Z');
    expect(fast(When, { at, maybe: null })).toBe('{"at":"2026-11-30T12:00:00.123Z","maybe":null}');
    expect(fast(When, { at: at.toISOString(), maybe: at })).toBe('{"at":"2026-11-30T12:00:00.123Z","maybe":"2026-11-30T12:00:00.123Z"}');
  });

  it('serialises recursive schemas', () => {
    type Node = { name: string; children: Node[] };
    const NodeSchema: z.ZodType<Node> = z.object({ name: z.string(), children: z.array(z.lazy(() => NodeSchema)) });
    const tree = { name: 'a', secret: 1, children: [{ name: 'b', children: [{ name: 'c', children: [], secret: 2 }] }] };
    expect(fast(NodeSchema, tree)).toBe('{"name":"a","children":[{"name":"b","children":[{"name":"c","children":[]}]}]}');
  });

  it('turns zod nullable objects into `nullable` (no Ajv match per value) and drops additionalProperties: false', () => {
    const json = prepareJsonSchema(
      z.toJSONSchema(z.object({ a: z.string().nullable(), b: z.object({ c: z.number() }).nullable() }), {
        io: 'output',
        target: 'draft-7',
      }),
    );
    expect(json).toEqual({
      type: 'object',
      properties: {
        a: { type: ['string', 'null'] },
        b: { type: 'object', properties: { c: { type: 'number' } }, required: ['c'], nullable: true },
      },
      required: ['a', 'b'],
    });
  });

  it('keeps zod for a schema JSON Schema cannot express, and says so', () => {
    const Transformed = z.object({ at: z.date() });
    const compiled = compileResponseSerializer(Transformed, 'GET', '/x');
    expect(compiled.kind).toBe('zod');
    const seen: unknown[] = [];
    const compiler = createSerializerCompiler({ checkWithZod: false, onFallback: (route) => seen.push(route) });
    const stringify = compiler({ schema: Transformed, method: 'GET', url: '/x', httpStatus: '200' });
    expect(stringify({ at: new Date('2026-01-01T00:00:00.000Z'), leak: 1 })).toBe('{"at":"2026-01-01T00:00:00.000Z"}');
    expect(seen).toEqual([expect.objectContaining({ method: 'GET', url: '/x', status: '200' })]);
  });

  it('with the zod check (NODE_ENV=test), a reply that breaks its contract fails instead of being coerced', () => {
    const Named = z.object({ name: z.string(), count: z.number().int() });
    const unchecked = createSerializerCompiler({ checkWithZod: false })({ schema: Named, method: 'GET', url: '/n' });
    const checked = createSerializerCompiler({ checkWithZod: true })({ schema: Named, method: 'GET', url: '/n' });
    // fast-json-stringify alone coerces: null becomes "", 1.5 is truncated.
    expect(unchecked({ name: null, count: 1.5 })).toBe('{"name":"","count":1}');
    expect(() => checked({ name: null, count: 1 })).toThrow(/Response doesn't match the schema|serializ/i);
    expect(() => checked({ name: 'a', count: 1.5 })).toThrow();
    expect(checked({ name: 'a', count: 2, extra: true })).toBe('{"name":"a","count":2}');
  });

  it('with the zod check, any difference from zod’s bytes fails', () => {
    const Named = z.object({ name: z.string() });
    const same = checkedWithZod(() => '{"name":"a"}', Named, 'GET', '/m');
    expect(same({ name: 'a' })).toBe('{"name":"a"}');
    const differs = checkedWithZod(() => '{"name":"b"}', Named, 'GET', '/m');
    expect(() => differs({ name: 'a' })).toThrow(SerializerMismatchError);
  });
});
