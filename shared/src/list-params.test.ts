import { describe, expect, it } from 'vitest';
import { BoxSchema } from './contracts/messaging';
import { cursorOrUndefined, isBox } from './list-params';
import { CursorSchema } from './pagination';

// The SPAs read these from the URL without zod; they must accept exactly what the contracts accept.
describe('zod-free list params agree with the contracts', () => {
  const cursors = [
    null,
    undefined,
    '',
    'abc',
    'eyJ2IjpbIjIwMjYiXX0',
    'a-b_c',
    'a b',
    'a=b',
    'a/b',
    '../x',
    'x'.repeat(512),
    'x'.repeat(513),
  ];
  for (const value of cursors) {
    it(`cursor ${JSON.stringify(value)?.slice(0, 20)}`, () => {
      expect(cursorOrUndefined(value)).toEqual(CursorSchema.safeParse(value).data);
    });
  }
  for (const value of ['inbox', 'sent', 'Inbox', '', null, 'drafts', 1]) {
    it(`box ${JSON.stringify(value)}`, () => {
      expect(isBox(value)).toBe(BoxSchema.safeParse(value).success);
    });
  }
});
