import { z } from 'zod';
import {
  activeCountList,
  activeCountsQuery,
  COVERAGE_PEOPLE_READERS,
  COVERAGE_READERS,
  COVERAGE_REFRESHERS,
  coverageSummary,
  dashboard,
  dashboardQuery,
  openData,
  openQuery,
  peopleExportQuery,
  peopleList,
  peopleQuery,
  refreshResult,
  summaryQuery,
} from '../../../lib/contracts/coverage.ts';
import { protectionBadgeQuery, protectionBadges, workerProtection } from '../../../lib/contracts/protection.ts';
import { WORKER_READERS } from '../../../lib/access/roles.ts';
import type { Db } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import { dashboard as dashboardOf } from './coverage.dashboard.ts';
import * as people from './coverage.people.ts';
import * as coverage from './coverage.service.ts';
import * as protection from './protection.service.ts';

const tags = ['coverage'];

export function registerCoverageRoutes(app: App, deps: { db: Db }) {
  const { db } = deps;
  const readers = { access: { roles: COVERAGE_READERS } };

  app.get(
    '/api/coverage/dashboard',
    {
      schema: {
        tags,
        summary: 'Dasbor cakupan satu wilayah: angka utama, tren 24 bulan, peringkat wilayah di bawahnya, anggaran',
        querystring: dashboardQuery,
        response: { 200: dashboard },
      },
      config: readers,
    },
    async (req) => dashboardOf(db, req.ctx, req.query),
  );

  app.get(
    '/api/coverage/summary',
    {
      schema: {
        tags,
        summary: 'Cakupan satu wilayah pada satu bulan, dengan rumus dan penyebutnya',
        querystring: summaryQuery,
        response: { 200: coverageSummary },
      },
      config: readers,
    },
    async (req) => coverage.coverageSummary(db, req.ctx, { region: req.query.region, month: req.query.month }),
  );

  app.get(
    '/api/coverage/active',
    {
      schema: {
        tags,
        summary: 'Peserta aktif (sekali per NIK) per bulan: total, per wilayah di bawahnya, per segmen atau kategori',
        querystring: activeCountsQuery,
        response: { 200: activeCountList },
      },
      config: readers,
    },
    async (req) => ({ items: await coverage.activeCounts(db, req.ctx, req.query) }),
  );

  app.get(
    '/api/coverage/people',
    {
      schema: {
        tags,
        summary: 'Orang di balik angka: peserta aktif (atau yang baru berhenti) di wilayah dan bulan itu',
        querystring: peopleQuery.extend({ leavers: z.enum(['true', 'false']).optional() }),
        response: { 200: peopleList },
      },
      config: { access: { roles: COVERAGE_PEOPLE_READERS } },
    },
    async (req) => people.coveragePeople(db, req.ctx, { ...req.query, leavers: req.query.leavers === 'true' }),
  );

  app.get(
    '/api/coverage/people.xlsx',
    {
      schema: {
        tags,
        summary:
          'Orang di balik angka sebagai XLSX (filter sama dengan daftar, NIK disamarkan, paling banyak 100.000 baris); tercatat di audit',
        querystring: peopleExportQuery,
      },
      config: { access: { roles: COVERAGE_PEOPLE_READERS } },
    },
    async (req, reply) => {
      const file = await people.coveragePeopleXlsx(db, req.ctx, {
        ...req.query,
        leavers: req.query.leavers === 'true',
      });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.stream);
    },
  );

  app.post(
    '/api/coverage/refresh',
    {
      schema: {
        tags,
        summary: 'Hitung ulang rekap cakupan sekarang (juga berjalan otomatis)',
        body: z.strictObject({ full: z.boolean().optional() }).optional(),
        response: { 200: refreshResult },
      },
      config: { access: { roles: COVERAGE_REFRESHERS } },
    },
    async (req) => coverage.refreshCoverage(db, req.ctx, { full: req.body?.full ?? false }),
  );

  app.get(
    '/open/coverage',
    {
      schema: {
        tags: ['open-data'],
        summary: 'Data terbuka: peserta aktif per kecamatan dan segmen (angka 1–4 disembunyikan); JSON atau CSV',
        querystring: openQuery,
        response: { 200: openData },
      },
      config: { access: { public: true } },
    },
    async (req, reply) => {
      const data = await coverage.openCoverage(db, { month: req.query.month });
      if (req.query.format === 'csv') {
        return (
          reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="cakupan-${data.month}.csv"`)
            // A text/csv string is sent as is; the JSON response schema does not apply to it.
            .send(coverage.openCoverageCsv(data) as unknown as typeof data)
        );
      }
      return data;
    },
  );

  // A worker's protection record and the badges of a page of search results (issue 12 §2): the worker pages' data,
  // scoped like the worker itself.
  const workerReaders = { access: { roles: WORKER_READERS } };
  app.get(
    '/api/workers/protection',
    {
      schema: {
        tags,
        summary: 'Status perlindungan (lencana) untuk satu halaman hasil pencarian pekerja',
        querystring: protectionBadgeQuery,
        response: { 200: protectionBadges },
      },
      config: workerReaders,
    },
    async (req) => protection.protectionBadges(db, req.ctx, req.query.ids.split(',')),
  );

  app.get(
    '/api/workers/:id/protection',
    {
      schema: {
        tags,
        summary:
          'Catatan perlindungan satu pekerja: KPJ dan asalnya, program dan status, lunas sampai, tertanggung hari ini',
        params: z.strictObject({ id: z.string().regex(/^\d{1,18}$/, 'angka') }),
        response: { 200: workerProtection },
      },
      config: workerReaders,
    },
    async (req) => protection.workerProtection(db, req.ctx, req.params.id),
  );
}
