import { z } from 'zod';
import {
  regionList,
  regionListQuery,
  regionSearchQuery,
  regionStats as regionStatsSchema,
  regionWithPath as regionWithPathSchema,
} from '../../../lib/contracts/regions.ts';
import { regionCode } from '../../../lib/contracts/common.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http.ts';
import { listChildren, regionStats, searchRegions } from './regions.repository.ts';
import { regionWithPath } from './regions.service.ts';

// Region data is public reference data (Kemendagri codes): readable without signing in.
const PUBLIC = { access: { public: true } } as const;

export function registerRegionRoutes(app: App, deps: { db: Db }) {
  const { db } = deps;

  app.get(
    '/api/regions',
    {
      schema: {
        tags: ['regions'],
        summary: 'Provinsi, atau anak dari satu kode wilayah',
        querystring: regionListQuery,
        response: { 200: regionList },
      },
      config: PUBLIC,
    },
    async (req) => ({ items: await listChildren(db, req.query.parent ?? null) }),
  );

  app.get(
    '/api/regions/search',
    {
      schema: {
        tags: ['regions'],
        summary: 'Cari wilayah menurut nama',
        querystring: regionSearchQuery,
        response: { 200: regionList },
      },
      config: PUBLIC,
    },
    async (req) => ({
      items: await searchRegions(db, req.query.q, {
        limit: req.query.limit,
        ...(req.query.level && { level: req.query.level }),
        ...(req.query.within && { within: req.query.within }),
      }),
    }),
  );

  app.get(
    '/api/regions/stats',
    {
      schema: { tags: ['regions'], summary: 'Jumlah wilayah per tingkat', response: { 200: regionStatsSchema } },
      config: PUBLIC,
    },
    async () => regionStats(db),
  );

  app.get(
    '/api/regions/:code',
    {
      schema: {
        tags: ['regions'],
        summary: 'Satu wilayah dengan induknya',
        params: z.strictObject({ code: regionCode }),
        response: { 200: regionWithPathSchema },
      },
      config: PUBLIC,
    },
    async (req) => {
      const region = await regionWithPath(db, req.params.code);
      if (!region) throw new AppError('REGION_UNKNOWN', { region: req.params.code });
      return region;
    },
  );
}
