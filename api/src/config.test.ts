import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const production = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://portico@db.internal/portico',
  REDIS_URL: 'redis://cache.internal:6379',
  SMTP_URL: 'smtp://mail.internal:587',
  EID_CLIENT_SECRET: 'a-real-secret-from-the-broker',
  JWT_SECRET: 'x'.repeat(48),
};

describe('loadConfig in production', () => {
  it('starts with every service and secret named', () => {
    const config = loadConfig(production);
    expect(config.databaseUrl).toBe(production.DATABASE_URL);
    expect(config.eid.clientSecret).toBe(production.EID_CLIENT_SECRET);
  });

  it('refuses to start without explicit URLs and names every missing one at once', () => {
    const { DATABASE_URL: _d, REDIS_URL: _r, SMTP_URL: _s, ...rest } = production;
    expect(() => loadConfig(rest)).toThrow('Refusing to start with NODE_ENV=production: set DATABASE_URL, REDIS_URL, SMTP_URL');
  });

  it('treats an empty value as missing', () => {
    expect(() => loadConfig({ ...production, REDIS_URL: ' ' })).toThrow(/set REDIS_URL$/);
  });

  it('refuses a missing or development e-ID client secret', () => {
    const { EID_CLIENT_SECRET: _e, ...rest } = production;
    expect(() => loadConfig(rest)).toThrow(/set EID_CLIENT_SECRET$/);
    expect(() => loadConfig({ ...production, EID_CLIENT_SECRET: 'portico-dev-secret' })).toThrow(
      /set EID_CLIENT_SECRET \(still the development default\)/,
    );
  });

  it('keeps the development defaults outside production', () => {
    for (const NODE_ENV of ['development', 'test']) {
      const config = loadConfig({ NODE_ENV });
      expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/portico');
      expect(config.eid.clientSecret).toBe('portico-dev-secret');
    }
  });
});

describe('TRUST_PROXY', () => {
  const trustProxy = (TRUST_PROXY?: string) => loadConfig({ NODE_ENV: 'test', TRUST_PROXY }).trustProxy;

  it('trusts no proxy by default', () => {
    expect(trustProxy()).toBe(false);
    expect(trustProxy('false')).toBe(false);
  });

  it('accepts true, a hop count and a list of addresses or CIDRs', () => {
    expect(trustProxy('true')).toBe(true);
    expect(trustProxy('2')).toBe(2);
    expect(trustProxy('10.0.0.1, 10.1.0.0/16,::1,loopback')).toEqual(['10.0.0.1', '10.1.0.0/16', '::1', 'loopback']);
  });

  it('refuses something that is not an address', () => {
    expect(() => trustProxy('10.0.0.1,lb.example.com')).toThrow('TRUST_PROXY: not an address or CIDR: lb.example.com');
  });
});

describe('COOKIE_SECURE auto-detection', () => {
  const secure = (TENANT_WEB_URL: string) => loadConfig({ NODE_ENV: 'test', TENANT_WEB_URL }).cookieSecure;

  it('treats loopback and *.localhost on plain http as local (cookies not Secure)', () => {
    for (const url of [
      'http://localhost:5173',
      'http://127.0.0.1:3000',
      'http://[::1]:8080',
      'http://console.localhost:8080',
      'http://portal.localhost',
    ])
      expect(secure(url), url).toBe(false);
  });

  it('marks cookies Secure on https and on any other http host', () => {
    for (const url of [
      'https://portal.example.com',
      'https://localhost:8443',
      'http://portal.example.com',
      'http://localhost.example.com',
      'http://127.0.0.1.nip.io',
    ])
      expect(secure(url), url).toBe(true);
  });

  it('COOKIE_SECURE wins over the guess', () => {
    expect(loadConfig({ NODE_ENV: 'test', TENANT_WEB_URL: 'http://console.localhost:8080', COOKIE_SECURE: 'true' }).cookieSecure).toBe(
      true,
    );
    expect(loadConfig({ NODE_ENV: 'test', TENANT_WEB_URL: 'https://portal.example.com', COOKIE_SECURE: '0' }).cookieSecure).toBe(false);
  });
});

describe('file storage (STORAGE_DRIVER)', () => {
  it('keeps local disk by default, under FILES_DIR', () => {
    expect(loadConfig({ NODE_ENV: 'test', FILES_DIR: '/srv/files' }).storage).toEqual({ driver: 'local', dir: '/srv/files' });
  });

  it('reads the S3 settings; path-style by default with an endpoint; credentials only as a pair', () => {
    const s3 = { NODE_ENV: 'test', STORAGE_DRIVER: 's3', S3_BUCKET: 'portico-files', S3_ENDPOINT: 'http://minio:9000' };
    expect(loadConfig({ ...s3, S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret', S3_PREFIX: 'prod' }).storage).toEqual({
      driver: 's3',
      endpoint: 'http://minio:9000',
      region: 'eu-north-1',
      bucket: 'portico-files',
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
      forcePathStyle: true,
      prefix: 'prod',
    });
    // On AWS itself: virtual-hosted URLs, and the SDK's own credential chain (an IAM role).
    const aws = loadConfig({ NODE_ENV: 'test', STORAGE_DRIVER: 's3', S3_BUCKET: 'portico-files', S3_ACCESS_KEY_ID: 'only-half' }).storage;
    expect(aws).toMatchObject({ driver: 's3', forcePathStyle: false, credentials: undefined, endpoint: undefined });
  });

  it('refuses STORAGE_DRIVER=s3 without S3_BUCKET, and an unknown driver', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', STORAGE_DRIVER: 's3' })).toThrow('STORAGE_DRIVER=s3: set S3_BUCKET');
    expect(() => loadConfig({ NODE_ENV: 'test', STORAGE_DRIVER: 'nfs' })).toThrow();
  });

  // The worker only: the API's entry point shares loadConfigOrExit, and each spawn costs seconds.
  it.each(['src/worker.ts'])(
    '%s stops at start-up with that one line and exit code 1',
    (entry) => {
      const { FILES_DIR: _files, S3_BUCKET: _bucket, ...env } = process.env;
      const run = spawnSync(process.execPath, ['--import', 'tsx', entry], {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
        env: { ...env, NODE_ENV: 'test', STORAGE_DRIVER: 's3' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe('STORAGE_DRIVER=s3: set S3_BUCKET');
    },
    70_000,
  );
});
