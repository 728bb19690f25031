// Active persons per month, the numerator of every coverage figure in this module and in the monthly report: the
// coverage module's count (one definition of "active" over enrollments, BPJS membership snapshots and the lapse
// rules, by NIK), read through its public API.
export { activeCounts } from '../coverage/index.ts';
import type { Bilingual } from '../../../lib/i18n/locale.ts';

export const ACTIVE_SOURCE: Bilingual = {
  id:
    'Peserta aktif menurut rekap cakupan Lindung: kepesertaan program dan snapshot peserta BPJS Ketenagakerjaan, ' +
    'dihitung per NIK, dengan status iuran menurut aturan nonaktif (lapse)',
  en:
    "Active participants from Lindung's coverage count: programme enrollments and BPJS Ketenagakerjaan membership " +
    'snapshots, counted per NIK, with the contribution status under the lapse rules',
};
