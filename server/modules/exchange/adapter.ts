// How Lindung exchanges files with BPJS Ketenagakerjaan. There is no public API specification (domain.md §5.3),
// so there is no HTTP adapter: the FileAdapter is the manual path (download the batch, upload the branch's
// answer), and the SimulatorAdapter answers in-process for the demo and the tests, deterministically per NIK.
import { createHash } from 'node:crypto';
import type { ParticipationCategory } from '../../../lib/rules/segments.ts';
import { systemClock } from '../../platform/clock.ts';
import { writeCsv } from '../../platform/spreadsheet/writer.ts';

export type ExchangeFile = { name: string; content: Buffer };

/** What an adapter is told about a batch: who is in it (NIK only) and when Lindung sent it. */
export type BatchForAdapter = { id: string; submittedAt: Date; niks: readonly string[] };

/** A participant BPJS knows of, as a snapshot file lists them. */
export type Participant = {
  nik: string;
  kpj: string | null;
  category: ParticipationCategory;
  coverageStart: string;
  coverageEnd: string | null;
  paidThrough: string | null;
  village: string | null;
};

/** Who the simulated branch knows in a region: those Lindung registered, and others (self-paid, employers). */
export type SnapshotBasis = { registered: readonly Participant[]; others: readonly Participant[] };

export type FetchedResponse =
  { status: 'pending'; retryAfterSeconds: number } | { status: 'ready'; file: ExchangeFile };

export interface ExchangeAdapter {
  readonly kind: 'file' | 'simulator';
  submitBatch(batch: BatchForAdapter): Promise<{ receipt: string }>;
  fetchResponse(batch: BatchForAdapter): Promise<FetchedResponse>;
  fetchSnapshot(region: string, asOf: string, basis: SnapshotBasis): Promise<ExchangeFile>;
}

/** The manual path: files are carried by people, so there is nothing to fetch. */
export class FileAdapter implements ExchangeAdapter {
  readonly kind = 'file' as const;
  async submitBatch(batch: BatchForAdapter) {
    return { receipt: `manual-${batch.id}` };
  }
  async fetchResponse(): Promise<FetchedResponse> {
    return { status: 'pending', retryAfterSeconds: 0 };
  }
  async fetchSnapshot(): Promise<ExchangeFile> {
    throw new Error('the file adapter has no snapshot to fetch: upload the branch’s file');
  }
}

/** A stable number in [0, 1) per NIK and purpose: the same person always gets the same answer. */
export function draw(nik: string, purpose: string): number {
  return createHash('sha256').update(`${purpose}:${nik}`).digest().readUInt32BE(0) / 2 ** 32;
}

/** An 11-digit KPJ number per NIK (BPJS's real format is not public, domain.md §11 item 8). */
export function simulatedKpj(nik: string): string {
  const n = createHash('sha256').update(`kpj:${nik}`).digest().readBigUInt64BE(0) % 10_000_000_000n;
  return `1${n.toString().padStart(10, '0')}`;
}

/** The rejections a branch gives, with the share of persons who get each (about 8 % in all). */
export const SIMULATED_REJECTIONS = [
  { below: 0.04, reason: 'NIK tidak ditemukan di Dukcapil' },
  { below: 0.065, reason: 'Data tidak sesuai Dukcapil (nama atau tanggal lahir berbeda)' },
  { below: 0.08, reason: 'Sudah terdaftar sebagai peserta aktif BPJS Ketenagakerjaan' },
] as const;

export function simulatedDecision(nik: string): { accepted: true } | { accepted: false; reason: string } {
  const x = draw(nik, 'response');
  const rejection = SIMULATED_REJECTIONS.find((r) => x < r.below);
  return rejection ? { accepted: false, reason: rejection.reason } : { accepted: true };
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const dmy = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
const my = (iso: string) => `${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/** The first day of the month after `at`, in Jakarta time. */
export function firstOfNextMonth(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3_600_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + 2;
  return m > 12 ? `${y + 1}-01-01` : `${y}-${pad2(m)}-01`;
}

export type SimulatorOptions = { delayMs?: number; clock?: () => Date };

/**
 * The in-process branch. It answers a batch once `delayMs` have passed since it was sent (0 in tests): most rows
 * accepted with an 11-digit KPJ and coverage from the first day of next month, a realistic few rejected. Its
 * snapshot lists the participants it was given, with a few deterministic departures from Lindung's records (not
 * found, another KPJ, contributions in arrears), and the others (self-paid, registered by employers).
 */
export class SimulatorAdapter implements ExchangeAdapter {
  readonly kind = 'simulator' as const;
  private readonly delayMs: number;
  private readonly clock: () => Date;

  constructor(options: SimulatorOptions = {}) {
    this.delayMs = options.delayMs ?? 0;
    this.clock = options.clock ?? systemClock;
  }

  async submitBatch(batch: BatchForAdapter) {
    return { receipt: `SIM-${batch.id}-${batch.niks.length}` };
  }

  async fetchResponse(batch: BatchForAdapter): Promise<FetchedResponse> {
    const now = this.clock();
    // The delay is time that has passed (the batch's sending time is the database's), so it is measured on the
    // machine's clock; the business dates of the answer follow the application clock (a pinned day in a demo).
    const wait = batch.submittedAt.getTime() + this.delayMs - Date.now();
    if (wait > 0) return { status: 'pending', retryAfterSeconds: Math.ceil(wait / 1000) };
    const start = dmy(firstOfNextMonth(now));
    const rows = batch.niks.map((nik) => {
      const d = simulatedDecision(nik);
      return d.accepted ? [nik, simulatedKpj(nik), 'DITERIMA', '', start] : [nik, '', 'DITOLAK', d.reason, ''];
    });
    return {
      status: 'ready',
      file: {
        name: `jawaban-bpjs-batch-${batch.id}.csv`,
        content: writeCsv(['NIK', 'NO KPJ', 'STATUS', 'ALASAN', 'TMT KEPESERTAAN'], rows),
      },
    };
  }

  async fetchSnapshot(region: string, asOf: string, basis: SnapshotBasis): Promise<ExchangeFile> {
    const rows: string[][] = [];
    const line = (p: Participant, kpj: string | null, paidThrough: string | null) => [
      p.nik,
      kpj ?? '',
      p.category,
      dmy(p.coverageStart),
      p.coverageEnd ? dmy(p.coverageEnd) : '',
      paidThrough ? my(paidThrough) : '',
      p.village ?? '',
    ];
    const lapsed = (asOfIso: string) => {
      const d = new Date(`${asOfIso}T00:00:00Z`);
      d.setUTCMonth(d.getUTCMonth() - 5, 1);
      return d.toISOString().slice(0, 10);
    };
    for (const p of basis.registered) {
      const x = draw(p.nik, 'snapshot');
      if (x < 0.03) continue; // not (yet) in the branch's list: "missing in BPJS"
      const kpj = x < 0.05 && p.kpj ? simulatedKpj(`${p.nik}-reissued`) : p.kpj;
      const paid = x >= 0.05 && x < 0.08 ? lapsed(asOf) : p.paidThrough;
      rows.push(line(p, kpj, paid));
    }
    for (const p of basis.others) rows.push(line(p, p.kpj ?? simulatedKpj(p.nik), p.paidThrough));
    return {
      name: `snapshot-peserta-${region}-${asOf}.csv`,
      content: writeCsv(['NIK', 'NO KPJ', 'KATEGORI', 'MULAI', 'AKHIR', 'DIBAYAR SAMPAI', 'KODE DESA'], rows),
    };
  }
}
