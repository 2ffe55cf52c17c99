import { describe, expect, it } from 'vitest';
import { genitive } from './genitive';

describe('genitive', () => {
  it('follows Swedish rules: s/x/z take nothing, abbreviations and capitals take :s, others s', () => {
    expect(genitive('Göta Fastigheter AB', 'sv')).toBe('Göta Fastigheter AB:s');
    expect(genitive('HSB', 'sv')).toBe('HSB:s');
    expect(genitive('Kontorsbolaget AB', 'sv')).toBe('Kontorsbolaget AB:s');
    expect(genitive('Lars', 'sv')).toBe('Lars');
    expect(genitive('Max', 'sv')).toBe('Max');
    expect(genitive('Fritz', 'sv')).toBe('Fritz');
    expect(genitive('Bostads AB Mimer', 'sv')).toBe('Bostads AB Mimers');
    expect(genitive('Kvarteret 7', 'sv')).toBe('Kvarteret 7:s');
    expect(genitive('Anna', 'sv')).toBe('Annas');
    // An abbreviation ending in a capital S is still an abbreviation.
    expect(genitive('Nordhavn Ejendomme A/S', 'sv')).toBe('Nordhavn Ejendomme A/S:s');
  });

  it('follows Danish and English rules', () => {
    expect(genitive('Nordhavn Ejendomme A/S', 'da')).toBe("Nordhavn Ejendomme A/S'");
    expect(genitive('Jens', 'da')).toBe("Jens'");
    expect(genitive('DSB', 'da')).toBe("DSB's");
    expect(genitive('Mette', 'da')).toBe('Mettes');
    expect(genitive('Göta Fastigheter AB', 'en')).toBe("Göta Fastigheter AB's");
    expect(genitive('James', 'en')).toBe("James'");
  });
});
