// The demo's coverage denominators and targets (issue 6): BPS-like figures for Kab. Bantul and its 17 kecamatan
// (penduduk bekerja and semesta PBPU, 2025 and 2026), and its 2026 targets (RPJMD for total coverage, UCJ for the
// PBPU indicator), through the targets module's own import and services (audited as "demo"). The figures are
// invented from rounded district populations; the source says so.
import { systemContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db.ts';
import { createTarget, importWorkforce, listWorkforce } from '../targets/index.ts';

export const DEMO_WORKFORCE_SOURCE = 'BPS Kab. Bantul, Sakernas Agustus 2025 (angka demo)';

/** Kecamatan of Kab. Bantul with a rounded population in thousands (demo only). */
const DISTRICTS: readonly [string, string, number][] = [
  ['01', 'Srandakan', 30],
  ['02', 'Sanden', 32],
  ['03', 'Kretek', 31],
  ['04', 'Pundong', 33],
  ['05', 'Bambanglipuro', 40],
  ['06', 'Pandak', 51],
  ['07', 'Pajangan', 37],
  ['08', 'Bantul', 63],
  ['09', 'Jetis', 56],
  ['10', 'Imogiri', 62],
  ['11', 'Dlingo', 38],
  ['12', 'Banguntapan', 135],
  ['13', 'Pleret', 48],
  ['14', 'Piyungan', 55],
  ['15', 'Sewon', 113],
  ['16', 'Kasihan', 122],
  ['17', 'Sedayu', 48],
];

/** Share of the population employed, and of the employed in the BPU universe, per year (demo assumptions). */
const SHARES: Readonly<Record<number, { employed: number; bpu: number }>> = {
  2025: { employed: 0.57, bpu: 0.52 },
  2026: { employed: 0.573, bpu: 0.52 },
};

/** Shares of the regency's employed in the segments the demo publishes a denominator for (demo assumptions). */
const SEGMENT_SHARES: readonly [string, number][] = [
  ['Petani', 0.16],
  ['Pedagang kecil', 0.12],
  ['Buruh harian lepas', 0.1],
  ['Ojek/pengemudi', 0.04],
  ['Nelayan', 0.01],
];

export function demoWorkforceCsv(regency: string, year: number): string {
  const share = SHARES[year]!;
  const rows = DISTRICTS.map(([code, name, thousands]) => {
    const employed = Math.round(thousands * 1000 * share.employed);
    return { code: `${regency}.${code}`, name, employed, bpu: Math.round(employed * share.bpu) };
  });
  const total = rows.reduce((s, r) => ({ employed: s.employed + r.employed, bpu: s.bpu + r.bpu }), {
    employed: 0,
    bpu: 0,
  });
  const lines = ['Kode Wilayah;Wilayah;Tahun;Segmen;Penduduk Bekerja;Semesta PBPU;Sumber'];
  for (const r of rows) lines.push(`${r.code};Kec. ${r.name};${year};;${r.employed};${r.bpu};${DEMO_WORKFORCE_SOURCE}`);
  lines.push(`${regency};Kab. Bantul;${year};;${total.employed};${total.bpu};${DEMO_WORKFORCE_SOURCE}`);
  // The regency's employed by occupation where Sakernas gives it (the rest of the segments are not published).
  for (const [segment, part] of SEGMENT_SHARES) {
    const persons = Math.round(total.employed * part);
    lines.push(`${regency};Kab. Bantul;${year};${segment};${persons};;${DEMO_WORKFORCE_SOURCE}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Seeds the regency's denominators and 2026 targets unless it has denominators already. */
export async function seedDemoTargets(
  database: Database,
  place: { regency: string },
): Promise<{ values: number; targets: number }> {
  const ctx = systemContext('demo');
  const db = database.app;
  const existing = await listWorkforce(db, ctx, { region: place.regency, page: 1, pageSize: 1 });
  if (existing.total > 0) return { values: 0, targets: 0 };
  let values = 0;
  for (const year of [2025, 2026]) {
    const result = await importWorkforce(db, ctx, {
      content: Buffer.from(demoWorkforceCsv(place.regency, year)),
      fileName: `demo-angkatan-kerja-${year}.csv`,
      dryRun: false,
    });
    values += result.values;
  }
  await createTarget(db, ctx, {
    region: place.regency,
    year: 2026,
    kind: 'employed',
    targetPercent: 35,
    basis: 'RPJMD',
    document: 'RPJMD Kab. Bantul: sasaran cakupan jaminan sosial ketenagakerjaan 2026 (angka demo)',
  });
  await createTarget(db, ctx, {
    region: place.regency,
    year: 2026,
    kind: 'bpu_universe',
    targetPercent: 34.99,
    basis: 'UCJ',
    document: 'RKP 2026: target UCJ 34,99% (Ditjen Bina Bangda, Mei 2025)',
  });
  return { values, targets: 2 };
}
