import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  hasZodFastifySchemaValidationErrors,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../../lib/access/roles.ts';
import { pickLocale, type Locale } from '../../lib/i18n/locale.ts';
import type { Config } from '../config.ts';
import type { RequestContext } from './context.ts';
import { AppError, errorBody, httpStatusOf, sqlRefusal } from './errors.ts';
import type { Logger } from './logger.ts';
import { humanIssue, isMissing, valueAt } from './validation.ts';
import { cacheControlFor, HASHED_ASSETS_DIR, pickEncoding, servable } from './web-build.ts';

export const SESSION_COOKIE = 'lindung_session';
export const CSRF_COOKIE = 'lindung_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Per-route access: public pages and calls, or signed-in users (optionally of some roles). */
export type RouteAccess = { public: true } | { public?: false; roles?: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    ctx: RequestContext;
    sessionToken: string | null;
  }
}

export type App = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  Logger,
  ZodTypeProvider
>;

/** Resolves a session cookie into an actor; supplied by the access module so the platform knows no domain. */
export type SessionResolver = (
  token: string,
) => Promise<{ actor: NonNullable<RequestContext['actor']>; csrfToken: string } | null>;

/** A refusal worth a security event: what kind, and who was acting (when known). */
export type SecurityEventKind = 'rate_limited' | 'csrf_rejected' | 'forbidden' | 'out_of_scope';
export type SecurityEventInput = {
  kind: SecurityEventKind;
  username: string | null;
  region: string | null;
  ip: string | null;
  method: string;
  path: string;
  requestId: string;
  detail?: Record<string, unknown>;
};
/** Stores a security event; supplied by the access module (the platform knows no domain). */
export type SecurityEventSink = (event: SecurityEventInput) => Promise<void>;

const SECURITY_CODES: Partial<Record<string, SecurityEventKind>> = {
  RATE_LIMITED: 'rate_limited',
  NIK_LOOKUP_LIMITED: 'rate_limited',
  CSRF_REJECTED: 'csrf_rejected',
  FORBIDDEN: 'forbidden',
  ROLE_TOO_HIGH: 'forbidden',
  OUT_OF_SCOPE: 'out_of_scope',
};

/**
 * Over a rate limit the same address keeps knocking: one event per address and route every few seconds is enough
 * to see and count it, without a database write for every refused request of a flood.
 */
function floodFilter(everyMs: number) {
  const last = new Map<string, number>();
  return (key: string): boolean => {
    const now = Date.now();
    const seen = last.get(key);
    if (seen !== undefined && now - seen < everyMs) return false;
    if (last.size > 10_000) last.clear();
    last.set(key, now);
    return true;
  };
}

function localeOf(req: FastifyRequest): Locale {
  if (req.ctx?.actor) return req.ctx.actor.locale;
  const header = req.headers['x-lindung-locale'];
  if (typeof header === 'string') return pickLocale(header);
  return pickLocale(req.headers['accept-language']);
}

/** Maps anything thrown into the one error shape; an unexpected error is logged and shown as INTERNAL. */
function toAppError(err: unknown, req: FastifyRequest, limit: number): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    // Each issue in words with the field's label; the path stays for the form to place the message.
    const locale = localeOf(req);
    const part = err.validationContext ?? 'body';
    const container = { body: req.body, querystring: req.query, params: req.params, headers: req.headers }[part];
    const issues = err.validation.map((v) => {
      const path = String(v.instancePath ?? '')
        .split('/')
        .filter(Boolean)
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      const params = (v.params ?? {}) as Record<string, unknown>;
      const missing = v.keyword !== 'unrecognized_keys' && isMissing(valueAt(container, path));
      const message = humanIssue({ path, code: v.keyword, message: v.message ?? '', params, missing }, locale);
      return { path: [part, ...path].join('.'), message };
    });
    const detail = issues.map((i) => i.message).join('; ');
    return new AppError('VALIDATION_FAILED', { detail }, issues);
  }
  const e = err as { code?: string; statusCode?: number; message?: string };
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('BAD_JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('BODY_TOO_LARGE', { limit });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
  }
  if (e.statusCode === 429) return new AppError('RATE_LIMITED');
  if (e.code === 'ECONNREFUSED' || e.code === '57P01') return new AppError('DB_UNAVAILABLE');
  const refused = sqlRefusal(err);
  if (refused) return refused;
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError('VALIDATION_FAILED', { detail: e.message ?? 'permintaan tidak valid' });
  }
  req.log.error({ err }, 'unexpected error');
  return new AppError('INTERNAL');
}

export function sendError(reply: FastifyReply, err: AppError): FastifyReply {
  const req = reply.request;
  if (err.code === 'LOGIN_DELAYED' && typeof err.params.seconds === 'number') {
    reply.header('retry-after', String(err.params.seconds));
  }
  return reply.status(httpStatusOf(err.code)).send(errorBody(err, localeOf(req), req.id));
}

// Validation details default to Indonesian (zod's own locale); the surrounding message follows the user's language.
z.config(z.locales.id());

export async function createHttpServer(
  config: Config,
  logger: Logger,
  resolveSession: SessionResolver,
  recordSecurityEvent?: SecurityEventSink,
): Promise<App> {
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: config.bodyLimitBytes,
    genReqId: () => randomUUID(),
    // X-Forwarded-For only from the configured proxies: anybody else could name any address and walk around the
    // per-address limits (and write it into the audit trail).
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only (file uploads register their own parser): a text body is refused up front with 415.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('sessionToken', null);

  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lindung API',
        description: 'Jaminan sosial ketenagakerjaan untuk Pemda dan BPJS Ketenagakerjaan.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const rateLimitedFresh = floodFilter(5_000);
  app.setErrorHandler(async (err, req, reply) => {
    const appError = toAppError(err, req, config.bodyLimitBytes);
    const kind = SECURITY_CODES[appError.code];
    const path = (req.url.split('?')[0] ?? '').slice(0, 300);
    if (kind && recordSecurityEvent && (kind !== 'rate_limited' || rateLimitedFresh(`${req.ip}|${path}`))) {
      const actor = req.ctx?.actor ?? null;
      try {
        await recordSecurityEvent({
          kind,
          username: actor?.username ?? null,
          region: actor && actor.scope !== '*' ? actor.scope : null,
          ip: req.ip ?? null,
          method: req.method,
          path,
          requestId: req.id,
          ...(appError.params && Object.keys(appError.params).length > 0 && { detail: { ...appError.params } }),
        });
      } catch (failure) {
        req.log.error({ err: failure }, 'security event not recorded');
      }
    }
    return sendError(reply, appError);
  });

  // Who is calling: the session cookie, resolved once per request; CSRF is checked on every cookie-authenticated change.
  app.addHook('onRequest', async (req) => {
    req.ctx = { actor: null, requestId: req.id, ip: req.ip ?? null };
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const session = await resolveSession(token);
      if (session) {
        req.ctx.actor = session.actor;
        req.sessionToken = token;
        const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
        if (unsafe && req.headers[CSRF_HEADER] !== session.csrfToken) throw new AppError('CSRF_REJECTED');
      }
    }
    const access = req.routeOptions.config?.access;
    if (!access || access.public) return;
    if (!req.ctx.actor) throw new AppError('UNAUTHENTICATED');
    if (access.roles && !access.roles.includes(req.ctx.actor.role)) throw new AppError('FORBIDDEN');
  });

  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });

  app.get(
    '/api/openapi.json',
    { schema: { tags: ['system'], summary: 'Dokumen OpenAPI dari semua rute' }, config: { access: { public: true } } },
    async () => app.swagger(),
  );

  return app;
}

/** What a spreadsheet upload may be sent as. */
const UPLOAD_CONTENT_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/**
 * Routes that take a file (CSV or XLSX) as the raw request body: no multipart plugin, no base64 inflation. The
 * body parser for those types, with its limit, holds only for the routes `routes` adds; each route still sets its
 * own `bodyLimit` and reads the file with `uploadedFile`.
 */
export function registerUploadRoutes(app: App, maxBytes: number, routes: (scoped: App) => void): void {
  app.register(async (plugin) => {
    const scoped = plugin.withTypeProvider<ZodTypeProvider>() as unknown as App;
    scoped.addContentTypeParser(UPLOAD_CONTENT_TYPES, { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) =>
      done(null, body),
    );
    routes(scoped);
  });
}

/** The uploaded file of a request of `registerUploadRoutes`; an empty or missing body is UNSUPPORTED_MEDIA_TYPE. */
export function uploadedFile(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  return body;
}

/**
 * Serves the built web app, with index.html for every client-side route: the build's brotli or gzip copy when the
 * browser accepts it, hashed assets cached as immutable, everything else revalidated, no source maps (web-build.ts).
 */
export async function serveWeb(app: App, webDistDir: string): Promise<void> {
  const index = path.join(webDistDir, 'index.html');
  const built = fs.existsSync(index);
  if (built) {
    await app.register(fastifyStatic, {
      root: webDistDir,
      prefix: '/',
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      allowedPath: (pathname) => servable(pathname),
      setHeaders: (reply, file) => {
        const rel = path.relative(webDistDir, file).split(path.sep).join('/');
        reply.header('cache-control', cacheControlFor(rel)).header('vary', 'accept-encoding');
      },
    });
  }
  const indexCopies = new Set<'br' | 'gzip'>();
  if (fs.existsSync(`${index}.br`)) indexCopies.add('br');
  if (fs.existsSync(`${index}.gz`)) indexCopies.add('gzip');
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0] ?? '';
    // A missing asset (an old chunk asked for by a page open across an upgrade) is a 404, not the app's HTML.
    const isAsset = url.startsWith(`/${HASHED_ASSETS_DIR}`);
    if (url.startsWith('/api/') || url.startsWith('/open/') || isAsset || req.method !== 'GET' || !built) {
      return sendError(reply, new AppError('NOT_FOUND', { entity: url }));
    }
    const encoding = pickEncoding(req.headers['accept-encoding'], indexCopies);
    if (encoding) reply.header('content-encoding', encoding);
    const file = encoding === 'br' ? `${index}.br` : encoding === 'gzip' ? `${index}.gz` : index;
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('vary', 'accept-encoding')
      .send(fs.createReadStream(file));
  });
}
