/**
 * Every free-text field a route accepts follows the shared text rules at the contract level (so the
 * SPAs, which parse with the same contracts, apply them too), not only through the server's
 * catch-all guard: a control character is refused in every field, and a line break everywhere but
 * in the fields that are free text by nature.
 */
import type { FastifySchema } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp } from './helpers';

/** Fields that are paragraphs of text: a message, a case description, a status comment. */
const MULTI_LINE_FIELDS = new Set(['body', 'description', 'comment']);

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
};
type Issue = { code: string; path: PropertyKey[]; params?: { code?: string }; errors?: Issue[][] };

/** The string fields of an object schema that are not ids, enums or fixed formats. */
function textFields(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema & { anyOf?: JsonSchema[] };
  const objects = [json, ...(json.anyOf ?? [])];
  return objects.flatMap((o) =>
    Object.entries(o.properties ?? {})
      .filter(
        ([, p]) =>
          [p.type].flat().includes('string') &&
          !p.enum &&
          p.const === undefined &&
          !['uuid', 'date', 'date-time'].includes(p.format ?? '') &&
          // A token with a pattern of its own (a keyset cursor: base64url) is no free text.
          !p.pattern,
      )
      .map(([name]) => name),
  );
}

/** The rule codes raised for a field, looking inside union alternatives too. */
function codesAt(issues: Issue[], field: string): (string | undefined)[] {
  return issues.flatMap((i) => [
    ...(i.path[0] === field && i.code === 'custom' ? [i.params?.code] : []),
    ...(i.errors ?? []).flatMap((alternative) => codesAt(alternative, field)),
  ]);
}

it('refuses control characters in every free-text field, and line breaks outside paragraph fields', async () => {
  await t.app.ready();
  const checked: string[] = [];
  for (const route of t.app.apiRoutes as { method: string; url: string; schema?: FastifySchema }[]) {
    for (const part of ['params', 'querystring', 'body'] as const) {
      const schema = route.schema?.[part];
      if (!schema || typeof schema !== 'object' || !('_zod' in schema)) continue;
      for (const field of textFields(schema as z.ZodType)) {
        const where = `${route.method} ${route.url} ${part}.${field}`;
        const parse = (value: string) => (schema as z.ZodType).safeParse({ [field]: value }).error?.issues ?? [];
        // Free text takes a plain word; a field that refuses one (a code, a `z.stringbool()`) has a format of its own.
        if (parse('Hejsansvejsan').some((i) => i.path[0] === field)) continue;
        expect(codesAt(parse('a\u0000b') as Issue[], field), where).toContain('invalid_characters');
        expect(codesAt(parse('a\u001bb') as Issue[], field), where).toContain('invalid_characters');
        const broken = codesAt(parse('a\nb') as Issue[], field);
        if (MULTI_LINE_FIELDS.has(field)) expect(broken, where).not.toContain('line_breaks_not_allowed');
        else expect(broken, where).toContain('line_breaks_not_allowed');
        checked.push(where);
      }
    }
  }
  // Subjects, titles, names, e-mails, passwords, tokens, search terms…: the list only grows.
  expect(checked.length).toBeGreaterThan(40);
});
