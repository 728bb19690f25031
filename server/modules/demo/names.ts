// Common Indonesian names for synthetic workers, weighted toward Javanese usage (the demo regency is Kab. Bantul).
// Many Javanese adults have a single name; the generator adds a second name only to some.

// prettier-ignore
export const MALE_GIVEN_NAMES = [
  'Agus', 'Ahmad', 'Andi', 'Anton', 'Ari', 'Arif', 'Bagus', 'Bambang', 'Bayu', 'Budi', 'Dani', 'Darmo', 'Dedi',
  'Dwi', 'Eko', 'Fajar', 'Gunawan', 'Hadi', 'Hari', 'Hendra', 'Heru', 'Imam', 'Indra', 'Joko', 'Kurniawan',
  'Margono', 'Mulyono', 'Muhammad', 'Nur', 'Paijo', 'Parjo', 'Purnomo', 'Rahmat', 'Ridwan', 'Rudi', 'Sardi',
  'Slamet', 'Sugeng', 'Sugiyanto', 'Suharto', 'Sukardi', 'Sumarno', 'Sunarto', 'Supri', 'Suratman', 'Suryadi',
  'Sutrisno', 'Teguh', 'Tri', 'Tukiman', 'Wahyu', 'Wawan', 'Widodo', 'Yanto', 'Yusuf', 'Ngatimin', 'Tugiyo',
  'Wagiman', 'Sarjono', 'Kasiyo',
] as const;

// prettier-ignore
export const FEMALE_GIVEN_NAMES = [
  'Ani', 'Anik', 'Dewi', 'Dian', 'Endang', 'Erna', 'Fitri', 'Hartini', 'Ika', 'Indah', 'Kartini', 'Lestari',
  'Marni', 'Murni', 'Nanik', 'Ngatinah', 'Nur', 'Nurul', 'Painem', 'Puji', 'Puspita', 'Rahayu', 'Ratna', 'Rina',
  'Rini', 'Sari', 'Siti', 'Sri', 'Sujiati', 'Sukarti', 'Sulastri', 'Sumarni', 'Sumiyati', 'Suparmi', 'Supartini',
  'Surati', 'Susilowati', 'Suwarni', 'Tri', 'Tukinah', 'Tumini', 'Umi', 'Wahyuni', 'Wartini', 'Widya', 'Winarti',
  'Yuli', 'Yuliana', 'Yuni', 'Wagiyem', 'Partini', 'Ngadinem', 'Sukinem', 'Poniyem', 'Tuginah', 'Kasmi',
] as const;

// prettier-ignore
export const MALE_SECOND_NAMES = [
  'Prasetyo', 'Santoso', 'Susanto', 'Wibowo', 'Setiawan', 'Nugroho', 'Saputra', 'Hidayat', 'Pratama', 'Kurniawan',
  'Wijaya', 'Purnomo', 'Riyadi', 'Hartono', 'Sutrisno', 'Haryanto', 'Suryanto', 'Wahyudi', 'Firmansyah', 'Ramadhan',
  'Suharjo', 'Sulistyo', 'Triyono', 'Wiyono', 'Mulyadi', 'Raharjo', 'Sudarsono', 'Priyanto', 'Handoko', 'Utomo',
] as const;

// prettier-ignore
export const FEMALE_SECOND_NAMES = [
  'Lestari', 'Rahayu', 'Wulandari', 'Susanti', 'Handayani', 'Purwanti', 'Rahmawati', 'Suryani', 'Kusumawati',
  'Widyastuti', 'Setyowati', 'Wahyuningsih', 'Pratiwi', 'Puspitasari', 'Maryani', 'Astuti', 'Hastuti', 'Utami',
  'Mulyani', 'Sulistyowati', 'Nurhayati', 'Rahmadani', 'Fitriani', 'Anggraini', 'Safitri', 'Yulianti',
  'Kurniasih', 'Hidayah', 'Ningsih', 'Permatasari',
] as const;

/** Where people in Bantul were born: mostly the regency itself, then its neighbours. */
export const BIRTH_PLACES = [
  ['Bantul', 70],
  ['Yogyakarta', 10],
  ['Sleman', 6],
  ['Gunungkidul', 5],
  ['Kulon Progo', 4],
  ['Klaten', 3],
  ['Purworejo', 2],
] as const;

export const HAMLET_PREFIXES = ['Dusun', 'Pedukuhan'] as const;
// prettier-ignore
export const HAMLET_NAMES = [
  'Jetis', 'Karanganyar', 'Krajan', 'Kauman', 'Ngasem', 'Gatak', 'Mandingan', 'Sorowajan', 'Tegalsari',
  'Ngringinan', 'Sumberan', 'Kadisoro', 'Gunturan', 'Pandes', 'Ngentak', 'Kembangan', 'Ringinharjo', 'Glagah',
  'Badegan', 'Tembi',
] as const;
