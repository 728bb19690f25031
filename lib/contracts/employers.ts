// Employers and APBD construction projects (issue 21): the register from the licensing office's list, the branch's
// employer snapshot, the compliance answer for other offices, warnings, and projects with their Jakon contribution.
import { z } from 'zod';
import type { Role } from '../access/roles.ts';
import { EMPLOYER_STATUSES } from '../rules/employers.ts';
import { fileIssue } from './exchange.ts';
import { isoDate, pageOf, paging, regionCode } from './common.ts';

/** Who imports files, records warnings and projects: Disnaker (and the administrator). */
export const EMPLOYER_EDITORS: readonly Role[] = ['admin', 'disnaker'];
/**
 * Who reads the register and projects, and may ask the compliance question: Disnaker, the branch, and the read-only
 * leadership accounts, which also serve the licensing office (DPMPTSP) and procurement until the governance
 * module's organisations exist (docs/decisions-employers.md).
 */
export const EMPLOYER_READERS: readonly Role[] = ['admin', 'disnaker', 'bpjs', 'pimpinan'];
/** Who may print the sanction request letter (PP 86/2013) once the branch asks for it. */
export const SANCTION_LETTER_WRITERS: readonly Role[] = ['admin', 'disnaker'];

const id = z.string().regex(/^\d{1,18}$/, 'id berupa angka');
export const idParam = z.strictObject({ id });
const rupiah = z.number().int().positive().max(1_000_000_000_000_000);

export const employerStatus = z.enum(EMPLOYER_STATUSES);

export const uploadResult = z.object({
  imported: z.boolean(),
  rows: z.int(),
  created: z.int(),
  updated: z.int(),
  matched: z.int().describe('Baris snapshot cabang yang cocok dengan daftar perizinan (NIB, NPWP, atau nama+desa)'),
  issues: z.array(fileIssue),
});
export type UploadResult = z.infer<typeof uploadResult>;

export const licensingUploadQuery = z.strictObject({
  fileName: z.string().trim().min(1).max(300).default('perizinan.csv'),
});
export const snapshotUploadQuery = z.strictObject({
  fileName: z.string().trim().min(1).max(300).default('snapshot.csv'),
  region: regionCode.optional().describe('Wilayah snapshot; bawaan wilayah kerja Anda'),
  asOf: isoDate.optional().describe('Tanggal data cabang; bawaan hari ini'),
});

export const employerListQuery = z.strictObject({
  ...paging,
  q: z.string().trim().max(100).optional().describe('Nama, NIB, NPWP atau NPP'),
  status: employerStatus.optional(),
  compliant: z.enum(['true', 'false']).optional(),
});
export type EmployerListQuery = z.infer<typeof employerListQuery>;

export const employerItem = z.object({
  id: z.string(),
  nib: z.string(),
  npwp: z.string().nullable(),
  name: z.string(),
  sector: z.string().nullable(),
  size: z.string().nullable(),
  village: z.string(),
  villageLabel: z.string(),
  reportedWorkers: z.int().nullable(),
  npp: z.string().nullable(),
  matchBy: z.enum(['nib', 'npwp', 'name']).nullable(),
  activeWorkers: z.int().nullable(),
  paidThrough: z.string().nullable(),
  status: employerStatus,
  compliant: z.boolean(),
  arrearsSince: z.string().nullable(),
  reason: z.string(),
  warnings: z.int(),
});
export type EmployerItem = z.infer<typeof employerItem>;

export const employerList = pageOf(employerItem).extend({
  snapshotAsOf: z.string().nullable(),
  counts: z.record(employerStatus, z.int()),
  unmatchedSnapshotRows: z.int().describe('Pemberi kerja di snapshot cabang yang tidak ada di daftar perizinan'),
});
export type EmployerList = z.infer<typeof employerList>;

export const warning = z.object({ seq: z.int(), issuedOn: z.string(), reference: z.string(), recordedBy: z.string() });
export const employerDetail = employerItem.extend({
  address: z.string().nullable(),
  contact: z.string().nullable(),
  snapshotAsOf: z.string().nullable(),
  warningHistory: z.array(warning),
});
export type EmployerDetail = z.infer<typeof employerDetail>;

export const warningInput = z.strictObject({
  issuedOn: isoDate,
  reference: z.string().trim().min(1).max(120).describe('Nomor surat peringatan'),
});
export type WarningInput = z.infer<typeof warningInput>;

export const sanctionLetterQuery = z.strictObject({
  branchReference: z.string().trim().min(1).max(120).describe('Nomor surat permintaan dari cabang BPJS'),
  branchDate: isoDate.describe('Tanggal surat permintaan cabang'),
});

export const complianceQuery = z.strictObject({
  nib: z.string().trim().min(1).max(30).describe('NIB (13 angka) badan usaha yang diperiksa'),
});
export const complianceAnswer = z.object({
  nib: z.string(),
  found: z.boolean().describe('NIB ada di daftar pemberi kerja wilayah'),
  name: z.string().nullable(),
  compliant: z.boolean(),
  status: employerStatus.nullable(),
  reason: z.string(),
  snapshotAsOf: z.string().nullable().describe('Tanggal data snapshot cabang yang dipakai'),
  checkedAt: z.string(),
});
export type ComplianceAnswer = z.infer<typeof complianceAnswer>;

// ---------------------------------------------------------------------------------------------------------------
// Projects

export const projectInput = z.strictObject({
  village: regionCode.describe('Desa/kelurahan lokasi proyek'),
  dpaReference: z.string().trim().min(1).max(120).describe('Nomor DPA/kode kegiatan APBD'),
  name: z.string().trim().min(1).max(200),
  contractor: z.string().trim().min(1).max(200),
  contractorNib: z
    .string()
    .regex(/^\d{13}$/, 'NIB 13 angka')
    .optional(),
  contractValue: rupiah.describe('Nilai kontrak tanpa PPN (rupiah)'),
  startDate: isoDate,
  endDate: isoDate,
});
export type ProjectInput = z.infer<typeof projectInput>;

export const certificateInput = z.strictObject({
  certificateNumber: z
    .string()
    .trim()
    .regex(/^\d{8,20}$/, 'nomor sertifikat/kepesertaan proyek berupa angka (13 angka pada sertifikat)'),
  paidOn: isoDate,
});
export type CertificateInput = z.infer<typeof certificateInput>;

export const attachWorkerInput = z.strictObject({
  nik: z.string().trim().max(40),
  wage: rupiah.optional().describe('Upah sebulan pekerja bila diketahui (dasar iuran Jakon menurut upah)'),
});

/** The basis of a project's Jakon contribution (Permenakertrans 44/2015), chosen per project. */
export const JAKON_BASES = ['contract_value', 'wages'] as const;
export const jakonBasisInput = z.strictObject({
  basis: z
    .enum(JAKON_BASES)
    .describe('contract_value = lapisan nilai kontrak; wages = upah sebulan setiap pekerja × bulan proyek'),
});

export const projectItem = z.object({
  id: z.string(),
  village: z.string(),
  villageLabel: z.string(),
  dpaReference: z.string(),
  name: z.string(),
  contractor: z.string(),
  contractorNib: z.string().nullable(),
  contractValue: z.number(),
  startDate: z.string(),
  endDate: z.string(),
  jakonContribution: z.number(),
  jakonQuotedOn: z.string(),
  jakonBasis: z.enum(JAKON_BASES),
  certificateNumber: z.string().nullable(),
  paidOn: z.string().nullable(),
  status: z.enum(['registered', 'ready']),
  workers: z.int(),
});
export type ProjectItem = z.infer<typeof projectItem>;

export const projectListQuery = z.strictObject({
  ...paging,
  startingWithinDays: z.coerce.number().int().min(0).max(366).optional(),
  withoutJakon: z.enum(['true', 'false']).optional(),
});
export const projectList = pageOf(projectItem);
export type ProjectList = z.infer<typeof projectList>;

export const projectWorker = z.object({
  workerId: z.string(),
  name: z.string(),
  nikMasked: z.string(),
  wage: z.number().nullable(),
  attachedAt: z.string(),
});
export const projectDetail = projectItem.extend({ workerList: z.array(projectWorker) });
export type ProjectDetail = z.infer<typeof projectDetail>;

/** The indicators the assessment module reads (employers' index.ts), by region. */
export const complianceFigures = z.object({
  region: z.string(),
  snapshotAsOf: z.string().nullable(),
  employers: z.int(),
  registered: z.int().describe('Terdaftar di BPJS (membayar, menunggak atau sebagian)'),
  paying: z.int(),
  arrears: z.int(),
  partial: z.int(),
  notRegistered: z.int(),
  projects: z.int(),
  projectsWithJakon: z.int(),
});
export type ComplianceFigures = z.infer<typeof complianceFigures>;
