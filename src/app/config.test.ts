import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('has working defaults for a laptop', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      env: 'development',
      port: 3000,
      publicUrl: 'http://localhost:3000',
      databaseUrl: undefined,
      mail: { transport: 'outbox' },
      oidc: { enabled: false },
    });
    expect(c.dataDir).toMatch(/data$/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).port).toBe(3000);
  });

  it('names each bad value', () => {
    const problems = problemsOf({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    expect(problems.some((p) => p.startsWith('PORT:') && p.includes('"abc"'))).toBe(true);
    expect(problems.some((p) => p.startsWith('LOG_LEVEL:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('DATABASE_URL:'))).toBe(true);
  });

  it('never echoes a secret', () => {
    const problems = problemsOf({ SESSION_SECRET: 'short-secret' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('SESSION_SECRET');
    expect(problems[0]).not.toContain('short-secret');
  });

  it('production needs a secret, a data key, a public URL, SMTP and the seal', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'DATA_ENCRYPTION_KEY',
      'PUBLIC_URL',
      'SEAL_P12_BASE64',
      'SESSION_SECRET',
      'SMTP_URL',
    ]);
    expect(problems.find((p) => p.startsWith('SEAL_P12_BASE64:'))).toMatch(/seal of jury minutes.*PKCS#12/);
  });

  it('production is accepted with them', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      PUBLIC_URL: 'https://qualif.example.org/',
      SMTP_URL: 'smtp://mail.example.org:587',
      SEAL_P12_BASE64: Buffer.from('a PKCS#12 file').toString('base64'),
      SEAL_P12_PASSWORD: 'seal-password',
    });
    expect(c.publicUrl).toBe('https://qualif.example.org');
    expect(c.seal?.p12.toString()).toBe('a PKCS#12 file');
    expect(c.seal?.password).toBe('seal-password');
    // Neither the key nor its password is shown when the config is logged.
    expect(JSON.stringify(c)).not.toMatch(/seal-password|UEtDUyMxMiBmaWxl/);
    expect(c.mail.transport).toBe('smtp');
  });

  it('OIDC needs a client id and https unless told otherwise', () => {
    expect(problemsOf({ OIDC_ISSUER: 'https://id.example.org' })).toEqual([
      'OIDC_CLIENT_ID: is required when OIDC_ISSUER is set',
    ]);
    expect(problemsOf({ OIDC_ISSUER: 'http://127.0.0.1:9000', OIDC_CLIENT_ID: 'q' })[0]).toMatch(
      /^OIDC_ISSUER: must be https/,
    );
    const c = loadConfig({
      OIDC_ISSUER: 'http://127.0.0.1:9000',
      OIDC_CLIENT_ID: 'q',
      OIDC_ALLOW_HTTP: 'true',
    });
    expect(c.oidc).toMatchObject({
      enabled: true,
      issuer: 'http://127.0.0.1:9000',
      clientId: 'q',
      allowHttp: true,
    });
  });

  it('MAIL_TRANSPORT=smtp needs SMTP_URL', () => {
    expect(problemsOf({ MAIL_TRANSPORT: 'smtp' })).toEqual([
      'SMTP_URL: is required when MAIL_TRANSPORT=smtp',
    ]);
  });

  it('background jobs and stored files: defaults, values and bounds', () => {
    expect(loadConfig({}).jobs).toEqual({
      pollIntervalMs: 2000,
      concurrency: 4,
      maxAttempts: 8,
      retryBaseSeconds: 30,
    });
    expect(loadConfig({}).fileMaxBytes).toBe(20_971_520);
    const set = loadConfig({
      JOBS_POLL_INTERVAL_MS: '250',
      JOBS_CONCURRENCY: '0',
      JOBS_MAX_ATTEMPTS: '3',
      JOBS_RETRY_BASE_SECONDS: '5',
      FILE_MAX_BYTES: '5000000',
    });
    expect(set.jobs).toEqual({ pollIntervalMs: 250, concurrency: 0, maxAttempts: 3, retryBaseSeconds: 5 });
    expect(set.fileMaxBytes).toBe(5_000_000);
    const bad = problemsOf({
      JOBS_POLL_INTERVAL_MS: '10',
      JOBS_CONCURRENCY: '-1',
      JOBS_MAX_ATTEMPTS: '0',
      JOBS_RETRY_BASE_SECONDS: 'soon',
      FILE_MAX_BYTES: '100',
    });
    expect(bad.map((p) => p.split(':')[0])).toEqual([
      'JOBS_POLL_INTERVAL_MS',
      'JOBS_CONCURRENCY',
      'JOBS_MAX_ATTEMPTS',
      'JOBS_RETRY_BASE_SECONDS',
      'FILE_MAX_BYTES',
    ]);
  });

  describe('DATA_ENCRYPTION_KEY', () => {
    const key = randomBytes(32);

    it('reads 32 bytes as hex or base64', () => {
      expect(loadConfig({ DATA_ENCRYPTION_KEY: key.toString('hex') }).dataEncryptionKey.equals(key)).toBe(
        true,
      );
      expect(loadConfig({ DATA_ENCRYPTION_KEY: key.toString('base64') }).dataEncryptionKey.equals(key)).toBe(
        true,
      );
    });

    it('has a development default, not a production one', () => {
      expect(loadConfig({}).dataEncryptionKey).toHaveLength(32);
      expect(problemsOf({ NODE_ENV: 'production' }).some((p) => p.startsWith('DATA_ENCRYPTION_KEY:'))).toBe(
        true,
      );
    });

    it('refuses a key of the wrong size or form, without echoing it', () => {
      for (const bad of [
        randomBytes(16).toString('hex'),
        randomBytes(31).toString('base64'),
        'correct horse battery staple correct horse battery staple 0000',
      ]) {
        const problems = problemsOf({ DATA_ENCRYPTION_KEY: bad });
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatch(/^DATA_ENCRYPTION_KEY: must be 32 bytes/);
        expect(problems[0]).toContain('(value hidden)');
        expect(problems[0]).not.toContain(bad);
      }
    });
  });
});
