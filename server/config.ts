import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
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
  const dataDir = path.resolve(e.LANTU_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir,
    demo: e.LANTU_DEMO ?? !e.DATABASE_URL,
    demoPassword: e.LANTU_DEMO_PASSWORD,
    logLevel: e.LANTU_LOG_LEVEL,
    sessionSecret: e.LANTU_SESSION_SECRET ?? readOrCreateSecret(dataDir),
    trustProxy: e.LANTU_TRUST_PROXY,
    secureCookies: e.LANTU_SECURE_COOKIES ?? e.LANTU_TRUST_PROXY,
    regionCode: e.LANTU_REGION_CODE,
    publicRateLimit: e.LANTU_PUBLIC_RATE_LIMIT,
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
