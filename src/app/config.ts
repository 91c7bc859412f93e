import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { STALE_SECONDS } from '../modules/registry/domain/import-run.js';
import { parseEncryptionKey } from '../platform/crypto/encryption.js';
import type { S3Settings } from '../platform/files/s3.js';

/**
 * Every setting Qualif reads from the environment, validated once at start.
 * The README's "Configuration" table mirrors this schema; keep them together.
 */
const DEV_SESSION_SECRET = 'qualif-development-secret-change-me-0000000000';
/** Development and tests only: production refuses to start without its own key. */
const DEV_DATA_ENCRYPTION_KEY = createHash('sha256').update('qualif-development-data-key').digest();

const port = z.coerce.number().int().min(1).max(65535);
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const url = z.url({ protocol: /^https?$/ });

/** S3 keys whose secret is not enumerable: a config logged or serialised never shows it. */
function secretCredentials(accessKeyId: string, secretAccessKey: string) {
  const credentials = { accessKeyId } as { accessKeyId: string; secretAccessKey: string };
  Object.defineProperty(credentials, 'secretAccessKey', { value: secretAccessKey, enumerable: false });
  return credentials;
}

/** The seal's key and password, not enumerable: a config logged or serialised never shows them. */
function secretSeal(p12: Buffer, password: string) {
  const seal = {} as { p12: Buffer; password: string };
  Object.defineProperty(seal, 'p12', { value: p12, enumerable: false });
  Object.defineProperty(seal, 'password', { value: password, enumerable: false });
  return seal;
}

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: port.default(3000),
    PUBLIC_URL: url.optional(),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    DATA_DIR: z.string().min(1).default('./data'),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    DATA_ENCRYPTION_KEY: z
      .string()
      .refine((v) => parseEncryptionKey(v) !== undefined, {
        message:
          'must be 32 bytes, written as 64 hexadecimal characters or in base64 (openssl rand -base64 32)',
      })
      .optional(),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
    TRUST_PROXY: bool.default(false),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
    REGISTRY_MAX_FILE_BYTES: z.coerce.number().int().min(1024).default(1_073_741_824),
    REGISTRY_IMPORT_STALE_SECONDS: z.coerce
      .number()
      .int()
      .min(STALE_SECONDS.min)
      .max(STALE_SECONDS.max)
      .default(STALE_SECONDS.default),
    XLSX_MAX_BYTES: z.coerce.number().int().min(1024).max(1_073_741_824).default(10_485_760),
    ELIGIBILITY_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(60),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MAIL_TRANSPORT: z.enum(['outbox', 'smtp']).optional(),
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    MAIL_FROM: z.string().min(3).default('Qualif <no-reply@qualif.localhost>'),
    JOBS_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(600_000).default(2000),
    JOBS_CONCURRENCY: z.coerce.number().int().min(0).max(64).default(4),
    JOBS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
    JOBS_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    FILE_MAX_BYTES: z.coerce.number().int().min(1024).max(1_073_741_824).default(20_971_520),
    FILE_STORE: z.enum(['disk', 's3']).default('disk'),
    S3_ENDPOINT: url.optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_BUCKET: z.string().min(3).max(63).optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: bool.default(false),
    // Years after a candidate's last candidacy ended before `qualif candidates purge` anonymises
    // them (docs/personal-data.md: 5 = the limitation period of civil actions, code civil 2224).
    CANDIDATE_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(5),
    OIDC_ISSUER: url.optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_LABEL: z.string().min(1).default('l’authentification unique'),
    OIDC_ALLOW_HTTP: bool.default(false),
    // The platform's seal of jury minutes: a PKCS#12 file (key + certificate) in base64.
    SEAL_P12_BASE64: z
      .string()
      .regex(/^[A-Za-z0-9+/\s]+={0,2}\s*$/, 'must be a PKCS#12 file in base64 (base64 -w0 seal.p12)')
      .optional(),
    SEAL_P12_PASSWORD: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    const production = env.NODE_ENV === 'production';
    if (production && !env.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'is required in production' });
    }
    if (production && !env.DATA_ENCRYPTION_KEY) {
      ctx.addIssue({ code: 'custom', path: ['DATA_ENCRYPTION_KEY'], message: 'is required in production' });
    }
    if (production && !env.SEAL_P12_BASE64) {
      ctx.addIssue({
        code: 'custom',
        path: ['SEAL_P12_BASE64'],
        message:
          'is required in production: the platform’s seal of jury minutes, a PKCS#12 file (key and certificate) in base64, with SEAL_P12_PASSWORD (docs/deploy.md)',
      });
    }
    if (production && !env.PUBLIC_URL) {
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'is required in production' });
    }
    const transport = env.MAIL_TRANSPORT ?? (env.SMTP_URL ? 'smtp' : 'outbox');
    if (transport === 'smtp' && !env.SMTP_URL) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'is required when MAIL_TRANSPORT=smtp' });
    }
    if (production && transport === 'outbox') {
      ctx.addIssue({
        code: 'custom',
        path: ['SMTP_URL'],
        message: 'is required in production (the outbox transport is for development only)',
      });
    }
    if (env.FILE_STORE === 's3' && !env.S3_BUCKET) {
      ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'is required when FILE_STORE=s3' });
    }
    if (env.FILE_STORE === 's3' && !env.S3_ACCESS_KEY_ID !== !env.S3_SECRET_ACCESS_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: [env.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'],
        message:
          'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together (or neither: the AWS default chain)',
      });
    }
    if (env.OIDC_ISSUER && !env.OIDC_CLIENT_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_CLIENT_ID'],
        message: 'is required when OIDC_ISSUER is set',
      });
    }
    if (env.OIDC_ISSUER?.startsWith('http:') && !env.OIDC_ALLOW_HTTP) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'must be https (set OIDC_ALLOW_HTTP=true only for a provider on a trusted local network)',
      });
    }
  });

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  /** Unset: embedded PGlite in dataDir. */
  databaseUrl: string | undefined;
  databasePoolSize: number;
  dataDir: string;
  sessionSecret: string;
  /** The 32-byte key of everything encrypted at rest (platform/crypto/encryption.ts). */
  dataEncryptionKey: Buffer;
  sessionTtlHours: number;
  /** Per-process reuse of a resolved session; 0 = always read the database. */
  sessionCacheSeconds: number;
  trustProxy: boolean;
  bodyLimitBytes: number;
  /** Largest RNCP / RS export accepted (upload and CLI). */
  registryMaxFileBytes: number;
  /** A running registry import whose heartbeat is older than this is failed (its process died). */
  registryImportStaleSeconds: number;
  /** Largest spreadsheet upload (framework import); JSON and text bodies keep bodyLimitBytes. */
  xlsxMaxBytes: number;
  /** Eligibility simulations per minute per client address (per process). */
  eligibilityRateLimit: number;
  logLevel: string;
  mail: { transport: 'outbox' | 'smtp'; smtpUrl: string | undefined; from: string };
  /** Background jobs (platform/jobs): emails, reminders. concurrency 0 = this process runs none. */
  jobs: { pollIntervalMs: number; concurrency: number; maxAttempts: number; retryBaseSeconds: number };
  /** Largest stored file (evidence), under dataDir/files or in the S3 bucket. */
  fileMaxBytes: number;
  /** Where stored files are kept: dataDir/files, or an S3-compatible bucket. */
  fileStore: { kind: 'disk' } | ({ kind: 's3' } & S3Settings);
  /** Years a candidate whose candidacies have all ended is kept before being anonymised. */
  candidateRetentionYears: number;
  /** The platform's seal (PKCS#12); null: a self-signed development key under dataDir (never in production). */
  seal: { p12: Buffer; password: string } | null;
  oidc:
    | { enabled: false; label: string }
    | {
        enabled: true;
        issuer: string;
        clientId: string;
        clientSecret: string | undefined;
        label: string;
        allowHttp: boolean;
      };
}>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Values never echoed back in error messages. */
const SECRET_KEYS = new Set([
  'SESSION_SECRET',
  'DATA_ENCRYPTION_KEY',
  'OIDC_CLIENT_SECRET',
  'SMTP_URL',
  'DATABASE_URL',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'SEAL_P12_BASE64',
  'SEAL_P12_PASSWORD',
]);

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "unset", as in most twelve-factor tools.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '?');
        const got = cleaned[key];
        const shown = got === undefined ? '' : SECRET_KEYS.has(key) ? ' (value hidden)' : ` (got "${got}")`;
        return `${key}: ${issue.message}${shown}`;
      }),
    );
  }
  const e = parsed.data;
  return Object.freeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir: path.resolve(e.DATA_DIR),
    sessionSecret: e.SESSION_SECRET ?? DEV_SESSION_SECRET,
    dataEncryptionKey: e.DATA_ENCRYPTION_KEY
      ? (parseEncryptionKey(e.DATA_ENCRYPTION_KEY) as Buffer)
      : DEV_DATA_ENCRYPTION_KEY,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    sessionCacheSeconds: e.SESSION_CACHE_SECONDS,
    trustProxy: e.TRUST_PROXY,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    registryMaxFileBytes: e.REGISTRY_MAX_FILE_BYTES,
    registryImportStaleSeconds: e.REGISTRY_IMPORT_STALE_SECONDS,
    xlsxMaxBytes: e.XLSX_MAX_BYTES,
    eligibilityRateLimit: e.ELIGIBILITY_RATE_LIMIT,
    logLevel: e.LOG_LEVEL,
    mail: {
      transport: e.MAIL_TRANSPORT ?? (e.SMTP_URL ? 'smtp' : 'outbox'),
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM,
    },
    jobs: {
      pollIntervalMs: e.JOBS_POLL_INTERVAL_MS,
      concurrency: e.JOBS_CONCURRENCY,
      maxAttempts: e.JOBS_MAX_ATTEMPTS,
      retryBaseSeconds: e.JOBS_RETRY_BASE_SECONDS,
    },
    fileMaxBytes: e.FILE_MAX_BYTES,
    fileStore:
      e.FILE_STORE === 's3'
        ? {
            kind: 's3' as const,
            endpoint: e.S3_ENDPOINT,
            region: e.S3_REGION,
            bucket: e.S3_BUCKET as string,
            credentials:
              e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
                ? secretCredentials(e.S3_ACCESS_KEY_ID, e.S3_SECRET_ACCESS_KEY)
                : undefined,
            forcePathStyle: e.S3_FORCE_PATH_STYLE,
          }
        : { kind: 'disk' as const },
    candidateRetentionYears: e.CANDIDATE_RETENTION_YEARS,
    seal: e.SEAL_P12_BASE64
      ? secretSeal(Buffer.from(e.SEAL_P12_BASE64, 'base64'), e.SEAL_P12_PASSWORD ?? '')
      : null,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID
        ? {
            enabled: true as const,
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            label: e.OIDC_LABEL,
            allowHttp: e.OIDC_ALLOW_HTTP,
          }
        : { enabled: false as const, label: e.OIDC_LABEL },
  });
}
