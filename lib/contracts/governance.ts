// Governance (issue 16): legal instruments and agreements, organisations and channels, joint work plans with
// computed action items, meetings, and the channel league table.
import { z } from 'zod';
import type { Role } from '../access/roles.ts';
import { isoDate, pageOf, paging, regionCode } from './common.ts';

/** Disnaker records and changes; the others read (issue 16 §6). */
export const GOVERNANCE_EDITORS: readonly Role[] = ['admin', 'disnaker'];
export const GOVERNANCE_READERS: readonly Role[] = ['admin', 'disnaker', 'pimpinan', 'asesor', 'bpjs'];
/** Who may read the channels to pick one (every worker and proposal form). */
export const CHANNEL_READERS: readonly Role[] = ['admin', 'disnaker', 'operator', 'bpjs', 'pimpinan', 'asesor'];

export const REGULATION_KINDS = [
  'perda',
  'raperda',
  'perbup',
  'perwal',
  'pergub',
  'surat_edaran',
  'instruksi',
  'keputusan',
] as const;
export const NATIONAL_KINDS = ['inpres', 'permendagri', 'pp'] as const;
export const AGREEMENT_KINDS = ['pks', 'mou'] as const;
export const INSTRUMENT_KINDS = [...REGULATION_KINDS, ...NATIONAL_KINDS, ...AGREEMENT_KINDS] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];
export const RAPERDA_STAGES = ['penyusunan', 'harmonisasi', 'pembahasan', 'fasilitasi', 'penetapan'] as const;
export const INSTRUMENT_STATUSES = ['draft', 'enacted', 'revoked'] as const;
/** Regional regulations published read-only in open data once enacted. */
export const OPEN_REGULATION_KINDS: readonly InstrumentKind[] = [
  'perda',
  'perbup',
  'perwal',
  'pergub',
  'surat_edaran',
  'instruksi',
  'keputusan',
];
export const SUBJECT_TAGS = [
  'non_asn',
  'pekerja_rentan',
  'penyelenggara_pemilu',
  'rt_rw',
  'perangkat_desa',
  'syarat_perizinan',
  'tokoh_agama',
  'anggaran',
] as const;

const id = z.string().regex(/^\d{1,18}$/, 'angka');
export const idParam = z.strictObject({ id });

const text = (max: number) => z.string().trim().min(1).max(max);

export const instrumentInput = z
  .strictObject({
    region: regionCode,
    kind: z.enum(INSTRUMENT_KINDS),
    stage: z.enum(RAPERDA_STAGES).nullable().default(null),
    number: text(100).nullable().default(null),
    title: text(500),
    signedOn: isoDate.nullable().default(null),
    effectiveFrom: isoDate.nullable().default(null),
    effectiveUntil: isoDate.nullable().default(null),
    issuer: text(200),
    counterparty: text(200).nullable().default(null),
    regionsCovered: z.array(regionCode).max(500).default([]),
    subjectTags: z.array(z.enum(SUBJECT_TAGS)).max(20).default([]),
    status: z.enum(INSTRUMENT_STATUSES),
    programIds: z.array(id).max(100).default([]),
    targetIds: z.array(id).max(100).default([]),
  })
  .refine((v) => (v.kind === 'raperda') === (v.stage !== null), {
    message: 'tahap hanya untuk Raperda, dan wajib untuk Raperda',
    path: ['stage'],
  })
  .refine((v) => v.kind !== 'raperda' || v.status === 'draft', {
    message: 'Raperda selalu berstatus rancangan; setelah ditetapkan ubah jenisnya menjadi Perda',
    path: ['status'],
  })
  .refine((v) => !v.effectiveFrom || !v.effectiveUntil || v.effectiveUntil >= v.effectiveFrom, {
    message: 'berlaku sampai tidak boleh sebelum berlaku mulai',
    path: ['effectiveUntil'],
  });
export type InstrumentInput = z.infer<typeof instrumentInput>;

export const instrument = z.object({
  id: z.string(),
  region: z.string(),
  kind: z.enum(INSTRUMENT_KINDS),
  stage: z.enum(RAPERDA_STAGES).nullable(),
  number: z.string().nullable(),
  title: z.string(),
  signedOn: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  effectiveUntil: z.string().nullable(),
  issuer: z.string(),
  counterparty: z.string().nullable(),
  regionsCovered: z.array(z.string()),
  subjectTags: z.array(z.string()),
  status: z.enum(INSTRUMENT_STATUSES),
  programIds: z.array(z.string()),
  targetIds: z.array(z.string()),
  file: z
    .object({ name: z.string(), sizeBytes: z.number().int(), sha256: z.string(), uploadedAt: z.string() })
    .nullable(),
  /** True while enacted and inside its effective period today. */
  inForce: z.boolean(),
  /** Days until effective_until (agreements and others with an end), negative once past. */
  daysLeft: z.number().int().nullable(),
});
export type Instrument = z.infer<typeof instrument>;

export const instrumentGroup = z.enum(['regulation', 'agreement', 'all']);
export const instrumentQuery = z.strictObject({
  group: instrumentGroup.default('all'),
  kind: z.enum(INSTRUMENT_KINDS).optional(),
  status: z.enum(INSTRUMENT_STATUSES).optional(),
  ...paging,
});
export const instrumentList = pageOf(instrument);
export type InstrumentList = z.infer<typeof instrumentList>;

export const uploadQuery = z.strictObject({ fileName: z.string().trim().min(1).max(200) });

/** Agreements ending within 90 days, with the alert level (30 or 90) and whether the job has raised it. */
export const expiringAgreement = z.object({
  instrument,
  level: z.union([z.literal(30), z.literal(90)]),
  raisedOn: z.string().nullable(),
});
export const expiringList = z.object({ today: z.string(), items: z.array(expiringAgreement) });
export type ExpiringList = z.infer<typeof expiringList>;

/** Open data: enacted regional regulations, no file bytes, no personal data. */
export const openRegulation = z.object({
  id: z.string(),
  region: z.string(),
  regionLabel: z.string(),
  kind: z.enum(INSTRUMENT_KINDS),
  number: z.string().nullable(),
  title: z.string(),
  signedOn: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  effectiveUntil: z.string().nullable(),
  issuer: z.string(),
  subjectTags: z.array(z.string()),
  sha256: z.string().nullable(),
});
export const openRegulationList = z.object({ items: z.array(openRegulation) });
export type OpenRegulationList = z.infer<typeof openRegulationList>;

// Organisations and channels (§2).
export const ORGANISATION_KINDS = [
  'opd',
  'kecamatan',
  'village_office',
  'bpjs_branch',
  'perisai_agent',
  'association',
  'employer',
] as const;
export const organisationInput = z.strictObject({
  region: regionCode,
  kind: z.enum(ORGANISATION_KINDS),
  name: text(200),
  active: z.boolean().default(true),
});
export type OrganisationInput = z.infer<typeof organisationInput>;
export const organisation = z.object({
  id: z.string(),
  region: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string(),
  active: z.boolean(),
});
export type Organisation = z.infer<typeof organisation>;
export const organisationList = z.object({
  items: z.array(organisation),
  /** The caller's own organisation (gov_member): the default channel of their forms; null when none is set. */
  mine: z.string().nullable(),
});
export type OrganisationList = z.infer<typeof organisationList>;
export const organisationUpdate = z.strictObject({
  kind: z.enum(ORGANISATION_KINDS),
  name: text(200),
  active: z.boolean(),
});
export type OrganisationUpdate = z.infer<typeof organisationUpdate>;
export const memberInput = z.strictObject({ username: text(100), organisationId: id });

// Joint work plans (§3).
export const MEASURE_KINDS = ['manual', 'participants', 'programme_quota', 'instrument_enacted'] as const;
export const itemInput = z
  .strictObject({
    title: text(300),
    ownerOrganisationId: id.nullable().default(null),
    dueOn: isoDate,
    measureKind: z.enum(MEASURE_KINDS),
    target: z.int().min(1).max(100_000_000).nullable().default(null),
    areaCode: regionCode.nullable().default(null),
    channelId: id.nullable().default(null),
    segment: z.string().max(40).nullable().default(null),
    instrumentKind: z.enum(INSTRUMENT_KINDS).nullable().default(null),
  })
  .refine((v) => v.measureKind === 'manual' || v.areaCode !== null, { message: 'wilayah wajib', path: ['areaCode'] })
  .refine((v) => !['participants', 'programme_quota'].includes(v.measureKind) || v.target !== null, {
    message: 'target wajib',
    path: ['target'],
  })
  .refine((v) => v.measureKind !== 'participants' || v.channelId !== null, {
    message: 'saluran wajib',
    path: ['channelId'],
  })
  .refine((v) => v.measureKind !== 'instrument_enacted' || v.instrumentKind !== null, {
    message: 'jenis produk hukum wajib',
    path: ['instrumentKind'],
  });
export type ItemInput = z.infer<typeof itemInput>;
export const planInput = z.strictObject({
  region: regionCode,
  title: text(300),
  periodStart: isoDate,
  periodEnd: isoDate,
  signedOn: isoDate.nullable().default(null),
  signatories: z
    .array(
      z.strictObject({
        organisationId: id.nullable().default(null),
        personName: text(200),
        position: text(200).nullable().default(null),
      }),
    )
    .max(50)
    .default([]),
  items: z.array(itemInput).max(100).default([]),
});
export type PlanInput = z.infer<typeof planInput>;
export const itemDoneInput = z.strictObject({
  done: z.boolean(),
  doneOn: isoDate.nullable().default(null),
  evidence: z.string().trim().max(1000).nullable().default(null),
});
export const ITEM_STANDINGS = ['done', 'on_track', 'at_risk', 'behind', 'late'] as const;
export const planItem = z.object({
  id: z.string(),
  title: z.string(),
  ownerOrganisation: z.string().nullable(),
  dueOn: z.string(),
  measureKind: z.enum(MEASURE_KINDS),
  target: z.number().int(),
  areaCode: z.string().nullable(),
  channel: z.string().nullable(),
  segment: z.string().nullable(),
  instrumentKind: z.string().nullable(),
  done: z.boolean(),
  evidence: z.string().nullable(),
  /** The latest computation (computed items) or 1/0 (manual). */
  value: z.number().int().nullable(),
  computedAt: z.string().nullable(),
  previousValue: z.number().int().nullable(),
  standing: z.enum(ITEM_STANDINGS),
  trend: z.enum(['up', 'down', 'flat']).nullable(),
});
export type PlanItem = z.infer<typeof planItem>;
export const plan = z.object({
  id: z.string(),
  region: z.string(),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  signedOn: z.string().nullable(),
  signatories: z.array(
    z.object({ organisation: z.string().nullable(), personName: z.string(), position: z.string().nullable() }),
  ),
  items: z.array(planItem),
});
export type Plan = z.infer<typeof plan>;
export const planList = z.object({
  items: z.array(
    z.object({ id: z.string(), region: z.string(), title: z.string(), periodStart: z.string(), periodEnd: z.string() }),
  ),
});
export const itemIdParam = z.strictObject({ id, itemId: id });

export type PlanList = z.infer<typeof planList>;
/** The answer of "hitung ulang": the progress job is queued; the page shows its result once it has run. */
export const recomputeAnswer = z.object({ queued: z.boolean() });

// Meetings (§4): coordination meetings, FGDs and sosialisasi with attendance per organisation and village.
export const MEETING_KINDS = ['coordination', 'fgd', 'sosialisasi'] as const;
export const meetingInput = z
  .strictObject({
    region: regionCode,
    kind: z.enum(MEETING_KINDS),
    title: text(300),
    heldOn: isoDate,
    place: text(200),
    organiserId: id.nullable().default(null),
    attendance: z
      .array(
        z.strictObject({
          organisationId: id.nullable().default(null),
          villageCode: regionCode.nullable().default(null),
          attendees: z.int().min(1).max(100_000),
        }),
      )
      .max(500)
      .default([]),
    decisions: z.array(text(1000)).max(50).default([]),
  })
  .refine((v) => v.attendance.every((a) => a.organisationId !== null || a.villageCode !== null), {
    message: 'tiap baris kehadiran menyebut organisasi atau desa/kelurahan',
    path: ['attendance'],
  });
export type MeetingInput = z.infer<typeof meetingInput>;
export const meeting = z.object({
  id: z.string(),
  region: z.string(),
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  heldOn: z.string(),
  place: z.string(),
  organiser: z.string().nullable(),
  attendees: z.number().int(),
  attendance: z.array(
    z.object({
      organisation: z.string().nullable(),
      villageCode: z.string().nullable(),
      villageName: z.string().nullable(),
      attendees: z.number().int(),
    }),
  ),
  decisions: z.array(
    z.object({ id: z.string(), text: z.string(), actionItemId: z.string().nullable(), planId: z.string().nullable() }),
  ),
  minutes: z.object({ name: z.string(), sizeBytes: z.number().int(), sha256: z.string() }).nullable(),
});
export type Meeting = z.infer<typeof meeting>;
export const meetingList = z.object({ items: z.array(meeting) });
export type MeetingList = z.infer<typeof meetingList>;
export const decisionIdParam = z.strictObject({ id, decisionId: id });
/** "Jadikan rencana aksi": the plan, the owner and the due date of the new (manual) action item. */
export const promoteInput = z.strictObject({
  planId: id,
  ownerOrganisationId: id.nullable().default(null),
  dueOn: isoDate,
});
export const briefingQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });
export const briefingList = z.object({
  from: z.string(),
  to: z.string(),
  villages: z.number().int(),
  briefed: z.number().int(),
  items: z.array(
    z.object({
      villageCode: z.string(),
      villageName: z.string(),
      meetings: z.number().int(),
      attendees: z.number().int(),
    }),
  ),
});
export type BriefingList = z.infer<typeof briefingList>;

// League tables (§5): growth of active participants by channel and by village over a period.
export const LEAGUE_BY = ['channel', 'village'] as const;
/** Without dates: the 90 days up to the server's today. */
export const leagueQuery = z
  .strictObject({ by: z.enum(LEAGUE_BY).default('channel'), from: isoDate.optional(), to: isoDate.optional() })
  .refine((v) => !v.from || !v.to || v.to >= v.from, {
    message: 'tanggal akhir tidak boleh sebelum tanggal awal',
    path: ['to'],
  });
export type LeagueQuery = z.infer<typeof leagueQuery>;
export const leagueRow = z.object({
  /** Organisation id (by channel; null: tidak diketahui) or village code (by village). */
  key: z.string().nullable(),
  name: z.string(),
  kind: z.string().nullable(),
  activeFrom: z.number().int(),
  activeTo: z.number().int(),
  growth: z.number().int(),
});
export type LeagueRow = z.infer<typeof leagueRow>;
export const leagueTable = z.object({
  by: z.enum(LEAGUE_BY),
  from: z.string(),
  to: z.string(),
  rows: z.array(leagueRow),
  zeroGrowth: z.number().int(),
});
export type LeagueTable = z.infer<typeof leagueTable>;
