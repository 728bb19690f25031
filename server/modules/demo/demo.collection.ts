// The demo's village collection loop (issue 19): a collection target for the regency's vulnerable-worker
// programme split evenly across every village of Kab. Bantul, and a DTSEN-style candidate list (village names, not
// codes) whose Trirenggo candidates fill the operator's worklist. Through the collection module's own services,
// audited as "demo". The persons are invented; their NIKs use serials the generated workers never reach.
import { currentMonthWib } from '../../../lib/rules/eligibility.ts';
import { composeNik } from '../../../lib/rules/nik.ts';
import { systemClock } from '../../platform/clock.ts';
import { systemContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db.ts';
import { createTarget, importCandidates } from '../collection/index.ts';
import { listPrograms } from '../programs/index.ts';

export type DemoCandidate = {
  nik: string;
  name: string;
  birthDate: string;
  sex: 'L' | 'P';
  village: string;
  district: string;
  decile: number;
  extremePoor: boolean;
  occupation: string;
};

const person = (
  serial: number,
  name: string,
  birthDate: string,
  sex: 'L' | 'P',
  village: string,
  decile: number,
  extremePoor: boolean,
  occupation: string,
): DemoCandidate => ({
  // Kec. Bantul (34.02.08), with a serial above the generator's range.
  nik: composeNik('34.02.08', birthDate, sex, 7000 + serial),
  name,
  birthDate,
  sex,
  village,
  district: 'Bantul',
  decile,
  extremePoor,
  occupation,
});

/** The demo's poverty list: eight persons in Trirenggo (the operator's village) and four in neighbouring villages. */
export const DEMO_CANDIDATES: readonly DemoCandidate[] = [
  person(1, 'Sumarni', '1978-04-12', 'P', 'Trirenggo', 1, true, 'Buruh tani'),
  person(2, 'Tukiman', '1969-09-02', 'L', 'Trirenggo', 1, false, 'Petani penggarap'),
  person(3, 'Wagiyem', '1984-01-23', 'P', 'Trirenggo', 2, false, 'Pedagang pasar'),
  person(4, 'Slamet Riyadi', '1975-06-30', 'L', 'Trirenggo', 2, false, 'Tukang becak'),
  person(5, 'Parjiyem', '1981-11-05', 'P', 'Trirenggo', 3, false, 'Pembantu rumah tangga'),
  person(6, 'Sugeng Widodo', '1990-02-14', 'L', 'Trirenggo', 3, false, 'Buruh bangunan'),
  person(7, 'Ngatini', '1972-07-19', 'P', 'Trirenggo', 4, false, 'Penjual jamu'),
  person(8, 'Rohmad', '1986-03-08', 'L', 'Trirenggo', 4, false, 'Ojek'),
  person(9, 'Painem', '1970-05-17', 'P', 'Palbapang', 1, true, 'Buruh tani'),
  person(10, 'Suratno', '1983-10-21', 'L', 'Ringinharjo', 2, false, 'Petani'),
  person(11, 'Jumiyati', '1988-12-01', 'P', 'Sabdodadi', 2, false, 'Pedagang kecil'),
  person(12, 'Karyono', '1977-08-09', 'L', 'Bantul', 3, false, 'Buruh harian lepas'),
];

export function demoCandidateCsv(): Buffer {
  const lines = ['NIK;Nama Lengkap;Alamat;Desa;Kecamatan;Desil;Miskin Ekstrem;Pekerjaan Utama'];
  for (const c of DEMO_CANDIDATES)
    lines.push(
      [
        c.nik,
        c.name,
        `Dusun ${c.village}`,
        c.village,
        c.district,
        c.decile,
        c.extremePoor ? 'Ya' : 'Tidak',
        c.occupation,
      ]
        .map(String)
        .join(';'),
    );
  return Buffer.from(lines.join('\n'), 'utf8');
}

export const DEMO_COLLECTION_QUOTA = 600;

/** Seeds the collection target (the 600 the programme still lacks, due at the end of the year) and the list. */
export async function seedDemoCollection(database: Database, place: { regency: string }, now = systemClock()) {
  const ctx = systemContext('demo');
  const year = currentMonthWib(now).slice(0, 4);
  const programs = await listPrograms(database.app, ctx, { q: 'Perlindungan Pekerja Rentan', page: 1, pageSize: 10 });
  const program = programs.items.find((p) => p.region === place.regency);
  await importCandidates(database, ctx, {
    content: demoCandidateCsv(),
    fileName: `dtsen-bantul-${year}.csv`,
    source: 'DTSEN',
    region: place.regency,
  });
  await createTarget(database.app, ctx, {
    name: `Pengumpulan pekerja rentan Kab. Bantul ${year}`,
    region: place.regency,
    programId: program?.id ?? null,
    quota: DEMO_COLLECTION_QUOTA,
    method: 'even',
    basis: 'none',
    startsOn: `${currentMonthWib(now)}-01`,
    dueOn: `${year}-12-31`,
  });
}
