import { describe, expect, it } from 'vitest';
import { LOCALES } from '../locales';
import { bundledCatalogues, lazyCatalogueBackend } from './backend';
import { resources } from './resources';

function read(language: string, namespace: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    lazyCatalogueBackend.read(language, namespace, (error, data) => (error ? reject(error) : resolve(data)));
  });
}

describe('the lazy catalogue backend (SPAs)', () => {
  for (const locale of LOCALES) {
    for (const ns of ['portal', 'console', 'errors'] as const) {
      it(`loads ${locale}/${ns}, the same catalogue the API bundles`, async () => {
        expect(await read(locale, ns)).toEqual(resources[locale][ns]);
      });
    }
    it(`bundles ${locale}/common (the language picker names every language in its own words)`, () => {
      expect(bundledCatalogues[locale].common).toEqual(resources[locale].common);
    });
  }

  it('has no e-mail catalogue for the browser and refuses an unknown language', async () => {
    await expect(read('sv', 'email')).rejects.toThrow('no catalogue sv/email');
    await expect(read('de', 'portal')).rejects.toThrow('no catalogue de/portal');
  });
});
