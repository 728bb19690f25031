import path from 'node:path';
import { isIP } from 'node:net';
import { z } from 'zod';
import type { FileStoreConfig } from './platform/file-store.ts';

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const proxyList = (v: string) =>
  v
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);

// The only reader of process.env. Parsed once, frozen.
const schema = z
  .object({
    DATABASE_URL: z.string().url().optional(),
    LINDUNG_DATA_DIR: z.string().default('./data'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    // Loopback by default: the demo is not reachable from the network. Production: HOST=0.0.0.0 behind a proxy.
    HOST: z.string().default('127.0.0.1'),
    // Addresses (or CIDR ranges) of the reverse proxies whose X-Forwarded-For is believed; empty: none is.
    TRUST_PROXY: z
      .string()
      .default('')
      .refine(
        (v) => proxyList(v).every((a) => PROXY_NAMES.has(a) || isIP(a.split('/')[0] ?? '') !== 0),
        'daftar alamat IP atau rentang CIDR proksi, dipisah koma / comma-separated proxy IP addresses or CIDR ranges',
      ),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SESSION_TTL_MINUTES: z.coerce
      .number()
      .int()
      .positive()
      .default(8 * 60),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30),
    // Failed sign-ins of one account before each further attempt waits 1 s, 2 s, 4 s … up to LOGIN_MAX_DELAY_SECONDS.
    LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
    LOGIN_MAX_DELAY_SECONDS: z.coerce.number().int().positive().max(86_400).default(60),
    // Per user: coverage checks by NIK, and "NIK already registered" answers of the registry, per hour.
    NIK_LOOKUPS_PER_HOUR: z.coerce.number().int().positive().default(120),
    // The admin is alerted when one address or account causes more than N security events within M minutes.
    SECURITY_ALERT_EVENTS: z.coerce.number().int().positive().default(20),
    SECURITY_ALERT_MINUTES: z.coerce.number().int().positive().max(1440).default(15),
    COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(1024 * 1024),
    WEB_DIST_DIR: z.string().default('dist/web'),
    // BPJS exchange: 'file' (manual exchange) unless set; the in-process simulator only when set to 'simulator' or
    // when `lindung start` runs the demo (it hands out full NIKs and KPJ numbers of invented answers).
    EXCHANGE_ADAPTER: z.enum(['simulator', 'file']).optional(),
    EXCHANGE_SIMULATOR_DELAY_SECONDS: z.coerce.number().int().min(0).max(86_400).default(0),
    // A pinned "today" (Jakarta) for demos, training and browser journeys; never set in production.
    LINDUNG_TODAY: z
      .string()
      .regex(/^(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'YYYY-MM-DD')
      .optional(),
    // The demo's passwords go to the terminal only when it is one; otherwise (and always when this is set) to this
    // file, written readable by the owner only (default: demo-credentials.txt in the data directory).
    LINDUNG_DEMO_CREDENTIALS_FILE: z.string().min(1).optional(),
    // Daily backup by the running server (off unless BACKUP_DIR is set), kept BACKUP_KEEP_DAYS days.
    BACKUP_DIR: z.string().min(1).optional(),
    BACKUP_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
    // Uploaded files (import files and their issue lists) are deleted this many days after upload.
    UPLOAD_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    // Background jobs (imports, reports, refreshes): 'on' runs them in the server too; 'off' leaves them to
    // `lindung worker` processes (the server still queues them).
    LINDUNG_JOBS: z.enum(['on', 'off']).default('on'),
    // A claimed job whose process stopped renewing its lease for this long is claimed again by another process.
    LINDUNG_JOB_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    // Largest claim document (PDF/JPEG/PNG scan) one upload may carry, in bytes; files go under <data dir>.
    CLAIM_DOCUMENT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(100 * 1024 * 1024)
      .default(10 * 1024 * 1024),
    // Where uploaded files (claim documents, signed instruments, evidence) live: 'dir' under LINDUNG_DATA_DIR, or 's3'
    // in an S3-compatible bucket (the LINDUNG_S3_* settings below, all required then).
    LINDUNG_FILE_STORE: z.enum(['dir', 's3']).default('dir'),
    LINDUNG_S3_ENDPOINT: z.string().url().optional(),
    LINDUNG_S3_BUCKET: z.string().min(3).max(63).optional(),
    LINDUNG_S3_REGION: z.string().min(1).default('us-east-1'),
    LINDUNG_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    LINDUNG_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    LINDUNG_S3_PREFIX: z
      .string()
      .regex(/^([a-z0-9][a-z0-9-]*\/)*$/, 'awalan seperti lindung/ / a prefix like lindung/')
      .default(''),
  })
  .refine(
    (e) =>
      e.LINDUNG_FILE_STORE === 'dir' ||
      (e.LINDUNG_S3_ENDPOINT && e.LINDUNG_S3_BUCKET && e.LINDUNG_S3_ACCESS_KEY_ID && e.LINDUNG_S3_SECRET_ACCESS_KEY),
    {
      path: ['LINDUNG_FILE_STORE'],
      message:
        's3 perlu LINDUNG_S3_ENDPOINT, LINDUNG_S3_BUCKET, LINDUNG_S3_ACCESS_KEY_ID dan LINDUNG_S3_SECRET_ACCESS_KEY / s3 needs all four',
    },
  );

export type Config = Readonly<{
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  trustProxy: string[];
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  sessionTtlMinutes: number;
  loginRateLimitPerMinute: number;
  loginMaxFailures: number;
  loginMaxDelaySeconds: number;
  nikLookupsPerHour: number;
  securityAlertEvents: number;
  securityAlertMinutes: number;
  cookieSecure: boolean;
  bodyLimitBytes: number;
  webDistDir: string;
  /** Unset: the file adapter, except in the demo (`lindung start` with demo data), which turns the simulator on. */
  exchangeAdapter: 'simulator' | 'file' | undefined;
  exchangeSimulatorDelaySeconds: number;
  today: string | undefined;
  /** Where the demo passwords are written (set: always; unset: `<data dir>/demo-credentials.txt` without a TTY). */
  demoCredentialsFile: string | null;
  backupDir: string | null;
  backupKeepDays: number;
  uploadRetentionDays: number;
  /** Whether `lindung start` runs background jobs itself (a `lindung worker` always does). */
  jobs: 'on' | 'off';
  jobLeaseSeconds: number;
  claimDocumentMaxBytes: number;
  /** Where uploaded files live: the data directory, or an S3-compatible bucket. */
  files: FileStoreConfig;
}>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Konfigurasi tidak valid / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.LINDUNG_DATA_DIR),
    port: e.PORT,
    host: e.HOST,
    trustProxy: proxyList(e.TRUST_PROXY),
    logLevel: e.LOG_LEVEL,
    sessionTtlMinutes: e.SESSION_TTL_MINUTES,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginMaxDelaySeconds: e.LOGIN_MAX_DELAY_SECONDS,
    nikLookupsPerHour: e.NIK_LOOKUPS_PER_HOUR,
    securityAlertEvents: e.SECURITY_ALERT_EVENTS,
    securityAlertMinutes: e.SECURITY_ALERT_MINUTES,
    cookieSecure: e.COOKIE_SECURE === 'true',
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    webDistDir: path.resolve(e.WEB_DIST_DIR),
    exchangeAdapter: e.EXCHANGE_ADAPTER,
    exchangeSimulatorDelaySeconds: e.EXCHANGE_SIMULATOR_DELAY_SECONDS,
    today: e.LINDUNG_TODAY,
    demoCredentialsFile: e.LINDUNG_DEMO_CREDENTIALS_FILE ? path.resolve(e.LINDUNG_DEMO_CREDENTIALS_FILE) : null,
    backupDir: e.BACKUP_DIR ? path.resolve(e.BACKUP_DIR) : null,
    backupKeepDays: e.BACKUP_KEEP_DAYS,
    uploadRetentionDays: e.UPLOAD_RETENTION_DAYS,
    jobs: e.LINDUNG_JOBS,
    jobLeaseSeconds: e.LINDUNG_JOB_LEASE_SECONDS,
    claimDocumentMaxBytes: e.CLAIM_DOCUMENT_MAX_BYTES,
    files: Object.freeze({
      dataDir: path.resolve(e.LINDUNG_DATA_DIR),
      s3:
        e.LINDUNG_FILE_STORE === 's3'
          ? Object.freeze({
              endpoint: e.LINDUNG_S3_ENDPOINT!,
              bucket: e.LINDUNG_S3_BUCKET!,
              region: e.LINDUNG_S3_REGION,
              accessKeyId: e.LINDUNG_S3_ACCESS_KEY_ID!,
              secretAccessKey: e.LINDUNG_S3_SECRET_ACCESS_KEY!,
              prefix: e.LINDUNG_S3_PREFIX,
            })
          : null,
    }),
  });
}
