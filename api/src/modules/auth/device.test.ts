import { describe, expect, it } from 'vitest';
import { deviceLabel, deviceParts } from './device';

describe('device labels', () => {
  it('splits into browser and system so the portal can say "Chrome på Linux"', () => {
    const label = deviceLabel('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36');
    expect(label).toBe('Chrome on Linux');
    expect(deviceParts(label)).toEqual({ browser: 'Chrome', os: 'Linux' });
  });

  it('names nothing it does not know', () => {
    expect(deviceParts(deviceLabel(undefined))).toEqual({ browser: null, os: null });
    expect(deviceParts(deviceLabel('curl/8.0'))).toEqual({ browser: null, os: null });
    expect(deviceParts(deviceLabel('Mozilla/5.0 (Windows NT 10.0) Firefox/130.0'))).toEqual({ browser: 'Firefox', os: 'Windows' });
    expect(deviceParts('')).toEqual({ browser: null, os: null });
  });
});
