// The one example person of every upload template ("Unduh templat"): a woman born 12 March 1985, first registered in
// the district of the user's first village, so the example row passes the NIK checks wherever the user works.
import { composeNik } from '../rules/nik.ts';

export const EXAMPLE_PERSON = {
  fullName: 'Siti Contoh',
  birthDate: '1985-03-12',
  /** As templates write dates: dd-mm-yyyy. */
  birthDateText: '12-03-1985',
  sex: 'P',
  serial: 1,
  kpj: '19000000001',
} as const;

/** The example person's NIK for a village code `PP.KK.CC.DDDD`. */
export function exampleNik(villageCode: string): string {
  const district = villageCode.split('.').slice(0, 3).join('.');
  return composeNik(district, EXAMPLE_PERSON.birthDate, EXAMPLE_PERSON.sex, EXAMPLE_PERSON.serial);
}
