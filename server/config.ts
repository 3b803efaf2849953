import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import { z } from 'zod';

const booleanFlag = z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off']).transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LANTU_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  DATABASE_POOLER: z.enum(['none', 'transaction'], { error: 'must be none or transaction' }).default('none'),
  LANTU_DATA_DIR: z.string().min(1).default('./data'),
  LANTU_DEMO: booleanFlag.optional(),
  LANTU_DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  LANTU_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LANTU_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LANTU_TRUST_PROXY: booleanFlag.default(false),
  LANTU_SECURE_COOKIES: booleanFlag.optional(),
  LANTU_CONFIG: z.string().optional(),
  /** Requests a minute one client address may make to the public opportunity list and feed. */
  LANTU_PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(120),
  LANTU_REGION_CODE: z
    .string()
    .regex(/^\d{6}$/, 'must be a 6-digit GB/T 2260 code')
    .default('370105'),
  /** An S3-compatible store for attachments (all four of endpoint, bucket and keys, or none: the data folder). */
  LANTU_S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' }).optional(),
  LANTU_S3_REGION: z.string().min(1).default('us-east-1'),
  LANTU_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name: 3–63 lower-case letters, digits, dots and hyphens')
    .optional(),
  LANTU_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  LANTU_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style addresses (`https://host/bucket/key`), as MinIO, Ceph and most private stores want. */
  LANTU_S3_PATH_STYLE: booleanFlag.default(true),
  /** The folder of the bucket the files go in (`attachments/`). */
  LANTU_S3_PREFIX: z
    .string()
    .regex(/^([A-Za-z0-9._-]+\/)*$/, 'must be empty or folder names each ending with /')
    .default('attachments/'),
});

const S3_REQUIRED = ['LANTU_S3_ENDPOINT', 'LANTU_S3_BUCKET', 'LANTU_S3_ACCESS_KEY_ID', 'LANTU_S3_SECRET_ACCESS_KEY'] as const;

/**
 * A secret kept out of every log, JSON answer and audit event: it serialises and prints as `[secret]`; `reveal()`
 * gives the value to the one code that signs with it.
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal = () => this.#value;
  toJSON = () => '[secret]';
  toString = () => '[secret]';
  [inspect.custom] = () => '[secret]';
}

/** Where attachments are kept when not in the data folder: an S3-compatible bucket. */
export type S3Settings = {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: Secret;
  pathStyle: boolean;
  prefix: string;
};

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /** Server processes sharing the port (`lantu serve`); above 1 only on PostgreSQL. */
  workers: number;
  /** `transaction`: DATABASE_URL is a pooler in transaction mode (PgBouncer), which keeps no session state. */
  databasePooler: 'none' | 'transaction';
  dataDir: string;
  demo: boolean;
  demoPassword: string | undefined;
  logLevel: z.infer<typeof envSchema>['LANTU_LOG_LEVEL'];
  sessionSecret: string;
  trustProxy: boolean;
  /** Cookies get `Secure` and the `__Host-` prefix: on when behind TLS (trust proxy) unless set explicitly. */
  secureCookies: boolean;
  /** The region the initial administrator belongs to on a new, non-demo installation. */
  regionCode: string;
  /** Requests a minute one client address may make to the public endpoints (the opportunity list). */
  publicRateLimit: number;
  /** Attachments in an S3-compatible bucket instead of `<dataDir>/attachments` (unset: the data folder). */
  s3?: S3Settings;
};

export class ConfigError extends Error {}

/** Reads configuration from the environment (and an optional JSON file named by LANTU_CONFIG); the environment wins. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const fromFile = env.LANTU_CONFIG ? readConfigFile(env.LANTU_CONFIG) : {};
  const merged = { ...fromFile, ...stripEmpty(env) };
  const parsed = envSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const s3Given = S3_REQUIRED.filter((name) => e[name] !== undefined);
  if (s3Given.length > 0 && s3Given.length < S3_REQUIRED.length) {
    const missing = S3_REQUIRED.filter((name) => e[name] === undefined);
    throw new ConfigError(
      `Invalid configuration:\n${missing.map((name) => `  ${name}: required with the other LANTU_S3_ settings`).join('\n')}`,
    );
  }
  if (e.LANTU_WORKERS > 1 && !e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  LANTU_WORKERS: above 1 needs PostgreSQL (DATABASE_URL); the embedded database is opened by one process only',
    );
  }
  const dataDir = path.resolve(e.LANTU_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    workers: e.LANTU_WORKERS,
    databasePooler: e.DATABASE_POOLER,
    dataDir,
    demo: e.LANTU_DEMO ?? !e.DATABASE_URL,
    demoPassword: e.LANTU_DEMO_PASSWORD,
    logLevel: e.LANTU_LOG_LEVEL,
    sessionSecret: e.LANTU_SESSION_SECRET ?? readOrCreateSecret(dataDir),
    trustProxy: e.LANTU_TRUST_PROXY,
    secureCookies: e.LANTU_SECURE_COOKIES ?? e.LANTU_TRUST_PROXY,
    regionCode: e.LANTU_REGION_CODE,
    publicRateLimit: e.LANTU_PUBLIC_RATE_LIMIT,
    ...(e.LANTU_S3_ENDPOINT && e.LANTU_S3_BUCKET && e.LANTU_S3_ACCESS_KEY_ID && e.LANTU_S3_SECRET_ACCESS_KEY
      ? {
          s3: {
            endpoint: e.LANTU_S3_ENDPOINT.replace(/\/+$/, ''),
            region: e.LANTU_S3_REGION,
            bucket: e.LANTU_S3_BUCKET,
            accessKeyId: e.LANTU_S3_ACCESS_KEY_ID,
            secretAccessKey: new Secret(e.LANTU_S3_SECRET_ACCESS_KEY),
            pathStyle: e.LANTU_S3_PATH_STYLE,
            prefix: e.LANTU_S3_PREFIX,
          },
        }
      : {}),
  };
}

function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => !!entry[1]));
}

function readConfigFile(file: string): Record<string, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`LANTU_CONFIG: cannot read ${file} as JSON (${(error as Error).message})`);
  }
  const parsed = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).safeParse(raw);
  if (!parsed.success) throw new ConfigError(`LANTU_CONFIG: ${file} must be a JSON object of settings`);
  return Object.fromEntries(Object.entries(parsed.data).map(([k, v]) => [k, String(v)]));
}

/** The session secret lives in the data folder, readable only by the owner, created on first start. */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
