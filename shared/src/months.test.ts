import { describe, expect, it } from 'vitest';
import { emptyMonth, fillMonthGaps, formatMonth, statsRowLabel } from './months';

const row = (key: string, cases: number) => ({ ...emptyMonth(key), cases, firstResponseMedianHours: 2 });
const now = new Date('2026-11-30T12:00:00Z');

describe('fillMonthGaps', () => {
  it('fills every month between the first with cases and the current month, keeping the real rows', () => {
    const filled = fillMonthGaps([row('2026-08', 3), row('2026-06', 1)], {}, now);
    expect(filled.map((r) => [r.key, r.cases])).toEqual([
      ['2026-06', 1],
      ['2026-07', 0],
      ['2026-08', 3],
      ['2026-09', 0],
      ['2026-10', 0],
      ['2026-11', 0],
    ]);
    expect(filled[1]).toEqual(emptyMonth('2026-07'));
    expect(filled[0]!.firstResponseMedianHours).toBe(2);
  });

  it('spans the chosen range, across a year end, even with no cases at all', () => {
    expect(fillMonthGaps([], { from: '2025-11-15', to: '2026-02-01' }, now).map((r) => r.key)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(fillMonthGaps([row('2025-12', 4)], { from: '2025-11-01', to: '2026-01-31' }, now).map((r) => r.cases)).toEqual([0, 4, 0]);
  });

  it('leaves nothing to fill when there is no range and no case, or the range is reversed', () => {
    expect(fillMonthGaps([], {}, now)).toEqual([]);
    expect(fillMonthGaps([row('2026-03', 1)], { from: '2026-05-01', to: '2026-04-01' }, now)).toEqual([row('2026-03', 1)]);
  });
});

describe('statsRowLabel', () => {
  const t = (key: string) => `[${key}]`;
  it('names months as dates in the reader language, types and statuses through the catalogue', () => {
    expect(formatMonth('2026-03', 'en')).toBe('Mar 2026');
    expect(formatMonth('2026-03', 'sv')).toMatch(/^mars 2026$/);
    expect(statsRowLabel(t, 'da', 'month', { key: '2026-11', label: '2026-11' })).toMatch(/^nov\.? 2026$/);
    expect(statsRowLabel(t, 'en', 'type', { key: 'fault', label: 'fault' })).toBe('[cases.type.fault]');
    expect(statsRowLabel(t, 'en', 'status', { key: 'new', label: 'new' })).toBe('[cases.status.new]');
    expect(statsRowLabel(t, 'en', 'property', { key: 'p1', label: 'Testgatan 1' })).toBe('Testgatan 1');
  });
});
