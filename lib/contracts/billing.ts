import { z } from 'zod';
import type { Role } from '../access/roles.ts';
import { isoDate, isoMonth, paging, pageOf, regionCode } from './common.ts';

// Bills, payments, lapse warnings and the coverage check (issue 5, part 4). Money is whole rupiah (JSON numbers),
// months 'YYYY-MM', dates 'YYYY-MM-DD'.

/** Who reads bills and payments: Disnaker and admin manage them, BPJS reads them for reconciliation. */
export const BILL_READERS: readonly Role[] = ['admin', 'disnaker', 'bpjs'];
/** Who generates bills and records payments (audited). */
export const BILL_MANAGERS: readonly Role[] = ['admin', 'disnaker'];
/** Who sees the "will lapse soon" list (persons, masked NIKs): operators for their villages. */
export const LAPSE_READERS: readonly Role[] = ['admin', 'disnaker', 'operator', 'bpjs'];
/** Who may ask whether a NIK is covered on a date (audited as a view of personal data). */
export const COVERAGE_CHECKERS: readonly Role[] = ['admin', 'disnaker', 'bpjs', 'operator'];

export const BILL_STATUSES = ['unpaid', 'partial', 'paid'] as const;
export type BillStatus = (typeof BILL_STATUSES)[number];
import { COVERAGE_STATES, type CoverageState } from './common.ts';
export { COVERAGE_STATES, type CoverageState };
// program: a Pemda programme; bpjs: a current BPJS snapshot row; project: Jakon of a certified APBD construction project.
export const LAPSE_SOURCES = ['program', 'bpjs', 'project'] as const;
export type LapseSource = (typeof LAPSE_SOURCES)[number];
export const LAPSE_KINDS = ['lapsed', 'soon'] as const;
export type LapseKind = (typeof LAPSE_KINDS)[number];

const id = z.string().regex(/^\d{1,18}$/, 'angka');
export const billIdParam = z.strictObject({ id });
const month = isoMonth;
export { isoDate };

// ---------------------------------------------------------------------------------------------------------------
// Bills

export const bill = z.object({
  id: z.string(),
  programId: z.string(),
  programName: z.string(),
  region: z.string(),
  regionLabel: z.string(),
  month: z.string(),
  persons: z.int().describe('Peserta yang ditagih bulan itu'),
  pricePerPerson: z.int(),
  amount: z.int().describe('persons × pricePerPerson'),
  paid: z.int(),
  outstanding: z.int().describe('amount − paid'),
  status: z.enum(BILL_STATUSES),
  dueDate: z.string().describe('Jatuh tempo menurut aturan kelambatan (BPU: tanggal 15 bulan itu)'),
  overdue: z.boolean().describe('Belum lunas dan jatuh tempo sudah lewat: masuk tunggakan'),
  frozen: z.boolean().describe('Sudah ada pembayaran: baris tagihan tidak lagi diperbarui'),
});
export type Bill = z.infer<typeof bill>;

export const billListQuery = z.strictObject({
  programId: id.optional(),
  month: month.optional(),
  status: z.enum(BILL_STATUSES).optional(),
  ...paging,
});
export type BillListQuery = z.infer<typeof billListQuery>;
export const billExportQuery = billListQuery.omit({ page: true, pageSize: true });

export const billTotals = z.object({
  amount: z.int(),
  paid: z.int(),
  outstanding: z.int(),
  arrears: z.int().describe('Sisa tagihan yang jatuh temponya sudah lewat'),
  overdueBills: z.int(),
});
export const billList = pageOf(bill).extend({ totals: billTotals });
export type BillList = z.infer<typeof billList>;

export const billGenerateRequest = z.strictObject({
  programId: id.optional().describe('Hanya program ini; bawaan semua program di wilayah Anda'),
});
export const billGenerateResult = z.object({
  created: z.int().describe('Tagihan baru'),
  refreshed: z.int().describe('Tagihan belum dibayar yang pesertanya berubah'),
  throughMonth: z.string(),
});
export type BillGenerateResult = z.infer<typeof billGenerateResult>;

// ---------------------------------------------------------------------------------------------------------------
// Payments

export const paymentCreate = z.strictObject({
  paidOn: isoDate.describe('Tanggal transfer/SP2D'),
  amount: z.int('rupiah tanpa desimal').positive('harus lebih dari 0').max(1_000_000_000_000),
  reference: z
    .string()
    .trim()
    .min(3, 'tulis nomor SP2D atau bukti transfer, minimal 3 huruf')
    .max(100)
    .describe('Nomor SP2D, bukti transfer atau kode bayar'),
  note: z.string().trim().max(500).optional(),
});
export type PaymentCreate = z.infer<typeof paymentCreate>;

export const payment = z.object({
  id: z.string(),
  billId: z.string(),
  programId: z.string(),
  programName: z.string(),
  month: z.string(),
  paidOn: z.string(),
  amount: z.int(),
  reference: z.string(),
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type Payment = z.infer<typeof payment>;

export const paymentResult = z.object({
  payment,
  bill,
  paidThroughAdvanced: z.int().describe('Kepesertaan yang bulan lunasnya maju karena tagihan ini lunas'),
});
export type PaymentResult = z.infer<typeof paymentResult>;

export const paymentListQuery = z.strictObject({
  programId: id.optional(),
  billId: id.optional(),
  ...paging,
});
export type PaymentListQuery = z.infer<typeof paymentListQuery>;
export const paymentList = pageOf(payment);

// ---------------------------------------------------------------------------------------------------------------
// Lapse warnings ("akan nonaktif")

export const lapseListQuery = z.strictObject({
  region: regionCode.optional().describe('Kecamatan atau desa di dalam wilayah Anda'),
  source: z.enum(LAPSE_SOURCES).optional().describe('program (dibiayai Pemda) atau bpjs (mandiri/lainnya)'),
  kind: z.enum(LAPSE_KINDS).optional().describe('lapsed: sudah nonaktif; soon: nonaktif dalam 30 hari'),
  programId: id.optional(),
  ...paging,
});
export type LapseListQuery = z.infer<typeof lapseListQuery>;
export const lapseExportQuery = lapseListQuery.omit({ page: true, pageSize: true });

export const lapseWarning = z.object({
  nikMasked: z.string(),
  fullName: z.string().nullable(),
  workerId: z.string().nullable(),
  phone: z.string().nullable().describe('Nomor telepon dari registri pekerja (+62…), bila ada'),
  whatsapp: z.string().nullable().describe('Tautan wa.me/62… untuk nomor HP; null untuk telepon rumah'),
  source: z.enum(LAPSE_SOURCES),
  programId: z.string().nullable(),
  programName: z.string().describe('Nama program, atau "BPJS (mandiri)"'),
  kpjNumber: z.string().nullable(),
  coverageStart: z.string(),
  paidThrough: z.string().nullable().describe('Bulan terakhir yang lunas (YYYY-MM); null bila belum pernah'),
  lapseDate: z.string().describe('Tanggal mulai nonaktif (sudah lewat bila kind = lapsed)'),
  kind: z.enum(LAPSE_KINDS),
  daysLeft: z.int().describe('Hari sampai nonaktif; negatif bila sudah nonaktif'),
  village: z.string().nullable(),
  villageLabel: z.string().nullable(),
});
export type LapseWarning = z.infer<typeof lapseWarning>;
export const lapseList = pageOf(lapseWarning).extend({
  today: z.string(),
  counts: z.object({ lapsed: z.int(), soon: z.int() }),
});
export type LapseList = z.infer<typeof lapseList>;

// ---------------------------------------------------------------------------------------------------------------
// Coverage check (claims rely on it)

export const coverageCheckQuery = z.strictObject({
  nik: z
    .string()
    .trim()
    .regex(/^\d{16}$/, 'NIK terdiri atas 16 angka')
    .describe('NIK 16 digit'),
  date: isoDate.describe('Tanggal kejadian atau tanggal yang ditanyakan'),
});
export type CoverageCheckQuery = z.infer<typeof coverageCheckQuery>;

export const coverageSource = z.object({
  program: z.string().describe('Nama program, atau "BPJS mandiri/lainnya" dari snapshot BPJS'),
  source: z.enum(LAPSE_SOURCES),
  kpj: z.string().nullable(),
  state: z.enum(COVERAGE_STATES),
  paidThrough: z.string().nullable().describe('YYYY-MM'),
  coverageStart: z.string().describe('YYYY-MM-DD'),
  coverageEnd: z.string().nullable().describe('Bulan terakhir yang ditanggung, YYYY-MM; null bila terbuka'),
  lapseDate: z.string().nullable().describe('Tanggal mulai nonaktif bila tidak dibayar lagi; null bila tidak berlaku'),
});
export type CoverageSource = z.infer<typeof coverageSource>;

export const coverageCheckResult = z.object({
  covered: z.boolean(),
  programs: z.array(coverageSource),
  reason: z.string(),
});
export type CoverageCheckResult = z.infer<typeof coverageCheckResult>;
