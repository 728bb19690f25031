import {
  benefitQuery,
  benefitSummaryResponse,
  costRequest,
  costResponse,
  quoteRequest,
  quoteResponse,
  ruleCreate,
  ruleCreated,
  ruleList,
  ruleListQuery,
} from '../../../lib/contracts/contributions.ts';
import type { Db } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import { RULE_EDITORS } from './contributions.policy.ts';
import * as contributions from './contributions.service.ts';

// The calculator is public (no sign-in): rates and benefits are national reference data, the same for everybody.
const PUBLIC = { access: { public: true } } as const;

const ERRORS_422 =
  'Kesalahan (badan `{"error":{"code","message","requestId","issues?"}}`): 400 VALIDATION_FAILED / BAD_JSON; ' +
  '422 RULE_GAP (tidak ada aturan pada tanggal itu; admin harus menambah baris), INCOME_NOT_IN_TABLE, ' +
  'PROGRAM_NOT_AVAILABLE, PROGRAM_REQUIRED; 500 RULE_CONFLICT (tabel aturan rusak).';

export function registerContributionRoutes(app: App, deps: { db: Db }) {
  const { db } = deps;

  app.post(
    '/api/contributions/quote',
    {
      schema: {
        tags: ['contributions'],
        summary: 'Hitung iuran satu peserta, proyek Jakon atau kontrak PMI',
        description:
          'Publik. Menghitung iuran pada `date` dari baris aturan yang berlaku pada tanggal itu. `items` per program ' +
          'dan pembayar (rupiah penuh), `total`, `byPayer`, dan `rulesUsed` (baris aturan beserta dasar hukum dan ' +
          'masa berlaku; `basis` dan `citation` hanya berisi sitasi peraturan). BPU/PU/Jakon dengan upah: per bulan; Jakon dengan nilai kontrak dan PMI: sekali bayar. ' +
          ERRORS_422,
        body: quoteRequest,
        response: { 200: quoteResponse },
      },
      config: PUBLIC,
    },
    async (req) => contributions.quote(db, req.body),
  );

  app.post(
    '/api/contributions/cost',
    {
      schema: {
        tags: ['contributions'],
        summary: 'Biaya iuran N orang selama M bulan',
        description:
          'Publik. Untuk anggaran (mis. APBD pekerja rentan): setiap bulan dihitung pada tanggal 1, sehingga perubahan ' +
          'aturan di tengah periode (PP 50/2025 mulai April 2026, batas upah JP tiap Maret) ikut terhitung. Hanya ' +
          'iuran bulanan (BPU, PU, Jakon dengan upah). ' +
          ERRORS_422,
        body: costRequest,
        response: { 200: costResponse },
      },
      config: PUBLIC,
    },
    async (req) => contributions.cost(db, req.body),
  );

  app.get(
    '/api/contributions/rules',
    {
      schema: {
        tags: ['contributions'],
        summary: 'Baris aturan iuran (dasar hukum, masa berlaku, nilai)',
        description:
          'Publik. Semua baris, atau disaring menurut `key`, awalan `prefix` dan tanggal berlaku `date`. Setiap baris ' +
          'membawa `citation` (nomor peraturan dan pasal); `note` (catatan riset internal) hanya untuk admin. ' +
          'Contoh: `?key=bpu.income.row&date=2026-05-01` memberi penghasilan BPU yang boleh dipilih.',
        querystring: ruleListQuery,
        response: { 200: ruleList },
      },
      config: PUBLIC,
    },
    async (req) => contributions.listRules(db, req.query, { withNotes: contributions.seesRuleNotes(req.ctx) }),
  );

  app.post(
    '/api/contributions/rules',
    {
      schema: {
        tags: ['contributions'],
        summary: 'Tambah baris aturan iuran yang berlaku sejak tanggal tertentu (admin nasional)',
        description:
          'Hanya admin dengan wilayah kerja nasional (*). Riwayat tidak pernah diubah: baris baru ditambahkan. Bila ' +
          'ada baris terbuka (validTo null) dengan key dan scope sama yang mulai lebih awal, baris itu diakhiri sehari ' +
          'sebelum validFrom baru (dikembalikan di `closed`). Tumpang tindih lain: 409 RULE_OVERLAP, tidak ada yang ' +
          'disimpan. Diaudit (contribution_rule.create, contribution_rule.close). 403 FORBIDDEN / OUT_OF_SCOPE; ' +
          '400 VALIDATION_FAILED (termasuk value.kind yang tidak sesuai dengan key).',
        body: ruleCreate,
        response: { 201: ruleCreated },
        security: [{ session: [], csrf: [] }],
      },
      config: { access: { roles: RULE_EDITORS } },
    },
    async (req, reply) => reply.status(201).send(await contributions.addRule(db, req.ctx, req.body)),
  );

  app.get(
    '/api/contributions/benefits',
    {
      schema: {
        tags: ['contributions'],
        summary: 'Ringkasan manfaat JKM dan JKK dengan dasar hukum',
        description:
          'Publik. Manfaat JKM (Rp42.000.000 tunai, beasiswa) dan JKK (perawatan tanpa batas biaya, 48 × upah bila ' +
          'meninggal, …). Dengan `wage` (BPU: penghasilan yang dilaporkan) manfaat berbasis upah diberi angka di ' +
          '`amountForWage`.',
        querystring: benefitQuery,
        response: { 200: benefitSummaryResponse },
      },
      config: PUBLIC,
    },
    async (req) => contributions.benefits(req.query),
  );
}
