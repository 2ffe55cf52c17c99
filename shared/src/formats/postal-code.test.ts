import { describe, expect, it } from 'vitest';
import { isPostalCode, normalizePostalCode } from './postal-code';

describe('postal codes per country', () => {
  it.each([
    ['SE', '411 06', '411 06'],
    ['SE', '41106', '411 06'],
    ['SE', ' 111 22 ', '111 22'],
    ['DK', '2100', '2100'],
    ['DK', 'DK-2100', '2100'],
  ] as const)('%s %j is stored as %j', (country, input, stored) => {
    expect(normalizePostalCode(country, input)).toBe(stored);
  });

  it.each([
    ['SE', '2100'],
    ['SE', '4110 6'],
    ['SE', '411-06'],
    ['SE', 'ABC DE'],
    ['DK', '411 06'],
    ['DK', '210'],
    ['DK', '21000'],
    ['DK', ''],
  ] as const)('%s refuses %j', (country, input) => {
    expect(isPostalCode(country, input)).toBe(false);
  });
});
