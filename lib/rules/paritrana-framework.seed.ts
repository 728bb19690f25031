// The 2025 example framework seeded by migration 20261207_0042 (a database test checks the two agree). Marked
// "contoh, bobot belum resmi": the aspects follow what is reported as scored (domain.md §6: regulation, budget for
// non-ASN, pekerja rentan and election officers, coverage, innovation, the kepala daerah's commitment at the
// interview); the weights and thresholds are placeholders until the year's Pedoman Paritrana Award is obtained.
import type { FrameworkDefinition, IndicatorDef } from '../contracts/assessment.ts';

const steps = (...pairs: [number, number][]) => ({
  kind: 'thresholds' as const,
  steps: pairs.map(([min, score]) => ({ min, score })),
});
const computed = (computation: string) => ({ kind: 'computed' as const, computation });
const persons = steps([1, 40], [50, 70], [200, 100]);

const ind = (
  code: string,
  id: string,
  en: string,
  weight: number,
  unit: IndicatorDef['unit'],
  source: IndicatorDef['source'],
  rule: IndicatorDef['rule'],
): IndicatorDef => ({ code, name: { id, en }, weight, unit, source, rule });

export const FRAMEWORK_2025_NAME = 'Paritrana Award 2025 (contoh, bobot belum resmi)';
export const FRAMEWORK_2025_NOTE =
  'Contoh dari aspek yang dilaporkan dinilai (regulasi, anggaran APBD, cakupan, inovasi, komitmen kepala daerah). ' +
  'Bobot dan ambang belum resmi: ganti dengan Pedoman Paritrana Award tahun berjalan dari Kemenko PMK/BPJS TK.';

export const FRAMEWORK_2025: FrameworkDefinition = {
  finalRule: 'mean',
  tieBreak: ['kebijakan', 'penerapan', 'wawancara'],
  aspects: [
    {
      code: 'kebijakan',
      name: { id: 'Kebijakan: regulasi dan anggaran', en: 'Policy: regulation and budget' },
      criteria: [
        {
          code: 'regulasi',
          name: { id: 'Regulasi jaminan sosial ketenagakerjaan', en: 'Employment social security regulation' },
          indicators: [
            ind(
              'reg_in_force',
              'Regulasi berlaku (Perda/Perkada/SE)',
              'Regulations in force (Perda/Perkada/SE)',
              15,
              'count',
              computed('governance.regulations_in_force'),
              steps([1, 60], [2, 80], [3, 100]),
            ),
          ],
        },
        {
          code: 'anggaran',
          name: { id: 'Anggaran APBD untuk kepesertaan', en: 'APBD budget for membership' },
          indicators: [
            ind(
              'apbd_non_asn',
              'Non-ASN dibiayai APBD (orang)',
              'Non-civil-servant staff funded by APBD (persons)',
              6,
              'persons',
              computed('apbd.non_asn.persons'),
              persons,
            ),
            ind(
              'apbd_vulnerable',
              'Pekerja rentan dibiayai APBD (orang)',
              'Vulnerable workers funded by APBD (persons)',
              8,
              'persons',
              computed('apbd.vulnerable.persons'),
              steps([1, 40], [500, 70], [2000, 100]),
            ),
            ind(
              'apbd_election',
              'Penyelenggara pemilu dibiayai APBD (orang)',
              'Election officers funded by APBD (persons)',
              4,
              'persons',
              computed('apbd.election.persons'),
              persons,
            ),
            ind(
              'apbd_rt_rw',
              'Ketua RT/RW dibiayai APBD (orang)',
              'Neighbourhood heads funded by APBD (persons)',
              3,
              'persons',
              computed('apbd.rt_rw.persons'),
              persons,
            ),
            ind(
              'apbd_village_official',
              'Perangkat desa dibiayai APBD (orang)',
              'Village officials funded by APBD (persons)',
              3,
              'persons',
              computed('apbd.village_official.persons'),
              persons,
            ),
            ind(
              'apbd_rupiah',
              'Anggaran APBD untuk iuran (Rp)',
              'APBD budget for contributions (Rp)',
              4,
              'rupiah',
              computed('apbd.all.rupiah'),
              steps([100_000_000, 50], [1_000_000_000, 100]),
            ),
          ],
        },
      ],
    },
    {
      code: 'penerapan',
      name: { id: 'Penerapan: cakupan kepesertaan', en: 'Implementation: membership coverage' },
      criteria: [
        {
          code: 'cakupan',
          name: { id: 'Cakupan dan pertumbuhan', en: 'Coverage and growth' },
          indicators: [
            ind(
              'coverage_workforce',
              'Cakupan terhadap penduduk bekerja (%)',
              'Coverage of the employed population (%)',
              15,
              'percent',
              computed('coverage.workforce_percent'),
              steps([20, 40], [30, 60], [40, 80], [50, 100]),
            ),
            ind(
              'coverage_target',
              'Capaian terhadap target (%)',
              'Achievement against the target (%)',
              10,
              'percent',
              computed('coverage.target_achieved_percent'),
              steps([50, 40], [80, 70], [100, 100]),
            ),
            ind(
              'coverage_growth',
              'Pertumbuhan peserta aktif dalam tahun (%)',
              'Growth of active members over the year (%)',
              8,
              'percent',
              computed('coverage.growth_percent'),
              steps([0, 30], [5, 60], [10, 100]),
            ),
          ],
        },
      ],
    },
    {
      code: 'kinerja',
      name: { id: 'Kinerja: layanan dan pelaksanaan', en: 'Performance: service and delivery' },
      criteria: [
        {
          code: 'layanan',
          name: { id: 'Layanan klaim dan rencana kerja', en: 'Claims service and work plan' },
          indicators: [
            ind(
              'claims_facilitated',
              'Klaim yang difasilitasi',
              'Claims facilitated',
              4,
              'count',
              computed('claims.facilitated'),
              steps([1, 50], [10, 100]),
            ),
            ind(
              'workplan_on_time',
              'Rencana kerja selesai tepat waktu (%)',
              'Work-plan items done on time (%)',
              5,
              'percent',
              computed('governance.workplan_on_time_percent'),
              steps([50, 50], [80, 80], [100, 100]),
            ),
            ind(
              'villages_briefed',
              'Desa yang sudah disosialisasi (%)',
              'Villages briefed (%)',
              5,
              'percent',
              computed('governance.villages_briefed_percent'),
              steps([25, 40], [50, 70], [90, 100]),
            ),
          ],
        },
      ],
    },
    {
      code: 'inovasi',
      name: { id: 'Inovasi dan dukungan kelembagaan', en: 'Innovation and institutional support' },
      criteria: [
        {
          code: 'dukungan',
          name: { id: 'Kerja sama dan kepatuhan', en: 'Cooperation and compliance' },
          indicators: [
            ind(
              'pks_bpjs',
              'Ada PKS dengan BPJS Ketenagakerjaan',
              'A cooperation agreement (PKS) with BPJS TK exists',
              3,
              'yes_no',
              { kind: 'manual', value: 'yes_no' },
              { kind: 'yes_no', yes: 100, no: 0 },
            ),
            ind(
              'licensing_requirement',
              'Kepesertaan jadi syarat pelayanan publik tertentu (PP 86/2013)',
              'Membership required for certain public services (PP 86/2013)',
              3,
              'yes_no',
              { kind: 'manual', value: 'yes_no' },
              { kind: 'yes_no', yes: 100, no: 0 },
            ),
            ind(
              'innovations',
              'Jumlah inovasi (aplikasi, integrasi data, program desa)',
              'Number of innovations (apps, data integration, village programmes)',
              3,
              'count',
              { kind: 'manual', value: 'number' },
              steps([1, 50], [3, 100]),
            ),
          ],
        },
      ],
    },
    {
      code: 'wawancara',
      name: { id: 'Wawancara dan komitmen kepala daerah', en: "Interview and the regional head's commitment" },
      criteria: [
        {
          code: 'wawancara_tim',
          name: { id: 'Wawancara tim penilai', en: 'Assessment team interview' },
          indicators: [
            ind(
              'interview',
              'Nilai wawancara',
              'Interview score',
              15,
              'score',
              { kind: 'assessor' },
              { kind: 'assessor', max: 100 },
            ),
          ],
        },
      ],
    },
  ],
};
