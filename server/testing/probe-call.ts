// A module's scope probes (the every-route scope test) call its routes as the probing user: method, URL, an optional
// body and its content type, through Fastify's inject.
import type { Database } from '../platform/db.ts';
import type { App } from '../platform/http.ts';

export type ProbeCtx = { app: App; db: Database; headers: Record<string, string> };

export function probeCaller(ctx: () => ProbeCtx) {
  return async (method: string, url: string, payload?: unknown, contentType?: string) => {
    const { app, headers } = ctx();
    return app.inject({
      method: method as 'GET',
      url,
      headers: contentType ? { ...headers, 'content-type': contentType } : headers,
      ...(payload !== undefined ? { payload: payload as string } : {}),
    });
  };
}
