import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../errors';
import { resources } from './resources';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

// `{{name, genitive}}` is the placeholder `name` with a format: the format may differ by language.
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)(?:\s*,[^}]*)?\}\}/g)].map((m) => m[1]).sort();

describe('the i18n catalogue', () => {
  for (const ns of Object.keys(resources.en) as (keyof typeof resources.en)[]) {
    it(`has the same ${ns} keys and placeholders in sv, da and en`, () => {
      const en = keys(resources.en[ns]).sort();
      for (const locale of ['sv', 'da'] as const) {
        expect(keys(resources[locale][ns]).sort()).toEqual(en);
        for (const key of en) {
          const get = (root: unknown) => key.split('.').reduce((o, k) => (o as Record<string, unknown>)[k], root) as string;
          expect(placeholders(get(resources[locale][ns])), `${locale}:${ns}.${key}`).toEqual(placeholders(get(resources.en[ns])));
          expect(get(resources[locale][ns]).trim(), `${locale}:${ns}.${key} is empty`).not.toBe('');
        }
      }
    });
  }

  it('has a message for every error code', () => {
    for (const locale of ['sv', 'da', 'en'] as const) {
      expect(Object.keys(resources[locale].errors).sort()).toEqual([...ERROR_CODES].sort());
    }
  });
});
