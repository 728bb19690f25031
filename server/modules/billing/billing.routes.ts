import {
  BILL_MANAGERS,
  BILL_READERS,
  billGenerateRequest,
  billGenerateResult,
  billExportQuery,
  billIdParam,
  billList,
  billListQuery,
  COVERAGE_CHECKERS,
  coverageCheckQuery,
  coverageCheckResult,
  LAPSE_READERS,
  lapseExportQuery,
  lapseList,
  lapseListQuery,
  paymentCreate,
  paymentList,
  paymentListQuery,
  paymentResult,
} from '../../../lib/contracts/billing.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import { systemClock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http.ts';
import { billsWorkbook, lapseWorkbook, XLSX_TYPE } from './billing.export.ts';
import * as billing from './billing.service.ts';
import { checkCoverage } from './coverage-check.service.ts';
import { allLapseWarnings, listLapseWarnings } from './lapse.service.ts';

const tags = ['billing'];

export function registerBillingRoutes(app: App, deps: { db: Db; nikLookupsPerHour: number }) {
  const { db } = deps;
  const readers = { access: { roles: BILL_READERS } };
  const managers = { access: { roles: BILL_MANAGERS } };

  app.get(
    '/api/bills',
    {
      schema: {
        tags,
        summary: 'Tagihan iuran per program per bulan: peserta, jumlah, dibayar, status, jatuh tempo, tunggakan',
        querystring: billListQuery,
        response: { 200: billList },
      },
      config: readers,
    },
    async (req) => billing.listBills(db, req.ctx, req.query),
  );

  app.get(
    '/api/bills.xlsx',
    {
      schema: {
        tags,
        summary: 'Unduh tagihan (XLSX) dengan filter yang sama',
        querystring: billExportQuery,
      },
      config: readers,
    },
    async (req, reply) => {
      const bills = await billing.allBills(db, req.ctx, req.query);
      const today = todayWib(systemClock());
      const locale = req.ctx.actor?.locale ?? 'id';
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="tagihan-${today}.xlsx"`)
        .send(await billsWorkbook(bills, locale, today));
    },
  );

  app.post(
    '/api/bills/generate',
    {
      schema: {
        tags,
        summary: 'Buat/perbarui tagihan sampai bulan ini (idempoten; tagihan yang sudah dibayar tidak berubah)',
        body: billGenerateRequest,
        response: { 200: billGenerateResult },
      },
      config: managers,
    },
    async (req) => billing.generateBills(db, req.ctx, req.body),
  );

  app.post(
    '/api/bills/:id/payments',
    {
      schema: {
        tags,
        summary: 'Catat pembayaran tagihan (tanggal, jumlah, referensi; boleh sebagian, tidak boleh melebihi sisa)',
        params: billIdParam,
        body: paymentCreate,
        response: { 201: paymentResult },
      },
      config: managers,
    },
    async (req, reply) => reply.status(201).send(await billing.recordPayment(db, req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/api/payments',
    {
      schema: {
        tags,
        summary: 'Pembayaran yang tercatat, terbaru dulu',
        querystring: paymentListQuery,
        response: { 200: paymentList },
      },
      config: readers,
    },
    async (req) => billing.listPayments(db, req.ctx, req.query),
  );

  app.get(
    '/api/lapse-warnings',
    {
      schema: {
        tags,
        summary: 'Peserta yang perlindungannya sudah nonaktif atau akan nonaktif dalam 30 hari (NIK disamarkan)',
        querystring: lapseListQuery,
        response: { 200: lapseList },
      },
      config: { access: { roles: LAPSE_READERS } },
    },
    async (req) => listLapseWarnings(db, req.ctx, req.query),
  );

  app.get(
    '/api/lapse-warnings.xlsx',
    {
      schema: {
        tags,
        summary: 'Unduh peringatan iuran (XLSX) dengan filter yang sama',
        querystring: lapseExportQuery,
      },
      config: { access: { roles: LAPSE_READERS } },
    },
    async (req, reply) => {
      const list = await allLapseWarnings(db, req.ctx, req.query);
      const locale = req.ctx.actor?.locale ?? 'id';
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="peringatan-iuran-${list.today}.xlsx"`)
        .send(await lapseWorkbook(list.items, locale, list.today));
    },
  );

  app.get(
    '/api/coverage/check',
    {
      schema: {
        tags,
        summary: 'Apakah NIK ini tertanggung pada tanggal itu? Per sumber (program, snapshot BPJS) dengan alasannya',
        querystring: coverageCheckQuery,
        response: { 200: coverageCheckResult },
      },
      config: {
        access: { roles: COVERAGE_CHECKERS },
        // Per user, not per address: each answer is about one person, so it is the person asking who is counted.
        rateLimit: {
          max: deps.nikLookupsPerHour,
          timeWindow: '1 hour',
          keyGenerator: (req) => `coverage-check:${req.ctx?.actor?.userId ?? req.ip}`,
          errorResponseBuilder: () => new AppError('NIK_LOOKUP_LIMITED', { max: deps.nikLookupsPerHour }),
        },
      },
    },
    async (req) => checkCoverage(db, req.ctx, req.query),
  );
}
