import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';

describe('keyset cursor', () => {
  it('round-trips a position and refuses forged ones with a 400', () => {
    const at = { createdAt: new Date('2026-11-30T12:00:00.123Z'), id: '0b3c2a4e-8f1d-4c2b-9a77-5d2e1f0a9b11' };
    expect(decodeCursor(encodeCursor(at))).toEqual(at);
    for (const forged of [
      '',
      'not-base64!',
      Buffer.from('0000-01-01T00:00:00Z|x').toString('base64url'),
      Buffer.from(`junk|${at.id}`).toString('base64url'),
    ]) {
      expect(() => decodeCursor(forged)).toThrow(expect.objectContaining({ statusCode: 400 }));
    }
  });
});
