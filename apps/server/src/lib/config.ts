import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeIssues } from '@switchboard/shared';
import { z } from 'zod';

const DEV_SECRETS = {
  WHATSAPP_APP_SECRET: 'dev-app-secret',
  WHATSAPP_ACCESS_TOKEN: 'dev-access-token',
  WHATSAPP_VERIFY_TOKEN: 'dev-verify-token',
  JWT_SECRET: 'dev-jwt-secret-change-me-in-production',
  ADMIN_PASSWORD: 'switchboard-admin',
} as const;

/** apps/server/.data, whichever directory the server (or the development stack) is started from. */
const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../.data', import.meta.url));

const bytes = z
  .string()
  .regex(/^\d+(kb|mb)?$/i, 'must be a byte count like 1048576, 512kb or 1mb')
  .transform((v) => {
    const n = Number.parseInt(v, 10);
    if (/kb$/i.test(v)) return n * 1024;
    if (/mb$/i.test(v)) return n * 1024 * 1024;
    return n;
  });

const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int('must be a whole number').min(0).max(65535).default(3000),
    MONGODB_URI: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
      .optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/[^\s]+$/, 'must be a URL like redis://127.0.0.1:6379')
      .optional(),
    MONGODB_MAX_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
    MONGODB_DB_NAME: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,60}$/, 'letters, digits, _ and - only')
      .default('switchboard'),
    /** Relative to where the server was started; by default the server package's .data folder, wherever it starts. */
    DATA_DIR: z
      .string()
      .min(1)
      .default(DEFAULT_DATA_DIR)
      .transform((dir) => resolve(dir)),
    WHATSAPP_APP_SECRET: z.string().min(8, 'must be at least 8 characters').optional(),
    WHATSAPP_VERIFY_TOKEN: z.string().min(8, 'must be at least 8 characters').optional(),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    ADMIN_EMAIL: z.email('must be an email address').default('admin@switchboard.local'),
    ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
    WEBHOOK_MAX_BODY: bytes.default(1024 * 1024),
    INTAKE_STORE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
    LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
    INTAKE_CONCURRENCY: z.coerce.number().int().min(0, '0 turns processing off').max(64).default(2),
    INTAKE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
    INTAKE_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
    WHATSAPP_API_BASE_URL: z.url('must be a URL like https://graph.facebook.com').default('http://127.0.0.1:4010'),
    WHATSAPP_API_VERSION: z
      .string()
      .regex(/^v\d+\.\d+$/, 'must look like v23.0')
      .default('v23.0'),
    WHATSAPP_ACCESS_TOKEN: z.string().min(8, 'must be at least 8 characters').optional(),
    WHATSAPP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    OUTBOX_CONCURRENCY: z.coerce.number().int().min(0, '0 turns sending off').max(64).default(2),
    /** Off: senders find new items by scanning the outbox on each wake-up (the bench's A/B), not by their id. */
    OUTBOX_HANDOFF: z
      .enum(['true', 'false'])
      .default('true')
      .transform((value) => value === 'true'),
    OUTBOX_MAX_FAILURES: z.coerce.number().int().min(1).max(50).default(8),
    OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
    OUTBOX_RECONCILE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(1).max(600_000).default(1000),
    BREAKER_FAILURE_THRESHOLD: z.coerce.number().int().min(1).max(1000).default(5),
    BREAKER_HALF_OPEN_SECONDS: z.coerce.number().min(0.05).max(3600).default(30),
    RATE_LIMIT_PER_NUMBER: z.coerce.number().int().min(1).max(10_000).default(80),
    OPT_OUT_KEYWORDS: z
      .string()
      .default('STOP,STOPALL,UNSUBSCRIBE,CANCEL,END,QUIT,BAJA,PARAR,DETENER,CANCELAR,SAIR,PARE,DESCADASTRAR'),
    OPT_IN_KEYWORDS: z.string().default('START,SUBSCRIBE,UNSTOP,ALTA,INICIAR,VOLTAR,ASSINAR'),
    AGENT_GRACE_SECONDS: z.coerce.number().min(0).max(86_400).default(300),
    ROUTING_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
    SLA_POLICIES_FILE: z.string().min(1).optional(),
    PRIORITY_RULES_FILE: z.string().min(1).optional(),
    /** How often each process looks for priority rules or SLA policies another process saved. */
    SETTINGS_REFRESH_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
    SLA_CHECK_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
    SLA_RECONCILE_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
    CONVERSATION_REOPEN_MINUTES: z.coerce
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 30)
      .default(60),
    /** Where the search index lives: a SQLite file per database, shared by the processes of this host. */
    SEARCH_INDEX_DIR: z.string().min(1).optional(),
    /** How often each process checks the search index against the database (and at start). */
    SEARCH_CATCHUP_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
    /** The zone whose days and hours reports count in (an IANA name such as Europe/Madrid). */
    REPORTS_TIMEZONE: z
      .string()
      .default('UTC')
      .refine(
        (zone) => Intl.supportedValuesOf('timeZone').includes(zone) || zone === 'UTC',
        'must be an IANA time zone',
      ),
    /** How often a process writes the report counts it gathered (they are added up in memory in between). */
    REPORTS_FLUSH_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
    /** How often the backlog (open and waiting conversations) is sampled for the reports; divides an hour. */
    REPORTS_BACKLOG_MINUTES: z.coerce
      .number()
      .int()
      .refine((m) => [5, 10, 15, 20, 30, 60].includes(m), 'must be 5, 10, 15, 20, 30 or 60')
      .default(60),
    /** How long a CSAT survey takes an answer, and how long after rating a message is kept as the comment. */
    CSAT_ANSWER_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 7)
      .default(24),
    CSAT_COMMENT_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Bearer token for GET /metrics; unset, only a scraper on this machine (loopback, no proxy) may read them. */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    for (const key of [
      'WHATSAPP_APP_SECRET',
      'WHATSAPP_VERIFY_TOKEN',
      'WHATSAPP_ACCESS_TOKEN',
      'JWT_SECRET',
      'ADMIN_PASSWORD',
    ] as const) {
      if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when NODE_ENV=production' });
    }
  });

export type Config = Omit<z.output<typeof ConfigSchema>, keyof typeof DEV_SECRETS | 'SEARCH_INDEX_DIR'> & {
  [K in keyof typeof DEV_SECRETS]: string;
} & { SEARCH_INDEX_DIR: string };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads the environment once at start; every bad value is named, all at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error.issues).map(
      ({ path, message }) => `${path} ${message} (got ${JSON.stringify(blankAsUnset[path] ?? null)})`,
    );
    throw new ConfigError(problems);
  }
  const c = parsed.data;
  return {
    ...c,
    SEARCH_INDEX_DIR: resolve(c.SEARCH_INDEX_DIR ?? `${c.DATA_DIR}/search`),
    WHATSAPP_APP_SECRET: c.WHATSAPP_APP_SECRET ?? DEV_SECRETS.WHATSAPP_APP_SECRET,
    WHATSAPP_ACCESS_TOKEN: c.WHATSAPP_ACCESS_TOKEN ?? DEV_SECRETS.WHATSAPP_ACCESS_TOKEN,
    WHATSAPP_VERIFY_TOKEN: c.WHATSAPP_VERIFY_TOKEN ?? DEV_SECRETS.WHATSAPP_VERIFY_TOKEN,
    JWT_SECRET: c.JWT_SECRET ?? DEV_SECRETS.JWT_SECRET,
    ADMIN_PASSWORD: c.ADMIN_PASSWORD ?? DEV_SECRETS.ADMIN_PASSWORD,
  };
}
