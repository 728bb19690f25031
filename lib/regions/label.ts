// How people write a region with its level: "Desa Trirenggo", "Kec. Bantul", "Kab. Bantul", "Kota Yogyakarta".
const PREFIX: Readonly<Record<string, string>> = {
  provinsi: 'Prov.',
  kabupaten: 'Kab.',
  kota: 'Kota',
  kecamatan: 'Kec.',
  desa: 'Desa',
  kelurahan: 'Kel.',
};

export function regionLabel(kind: string, name: string): string {
  const prefix = PREFIX[kind];
  return prefix ? `${prefix} ${name}` : name;
}

/** "Desa Trirenggo, Kec. Bantul, Kab. Bantul": from the region up to the regency (the province adds nothing locally). */
export function fullRegionLabel(path: readonly { level: string; kind: string; name: string }[]): string {
  return path
    .filter((r) => r.level !== 'province' || path.length === 1)
    .map((r) => regionLabel(r.kind, r.name))
    .reverse()
    .join(', ');
}

export const NATIONAL_LABEL = { id: 'Seluruh Indonesia', en: 'All of Indonesia' } as const;
