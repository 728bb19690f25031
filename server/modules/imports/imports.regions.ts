// Domicile villages for an import: a Kemendagri code, or the names an office writes (desa + kecamatan
// [+ kabupaten]), resolved against the regions within the importer's scope only.
import { sql } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { Bilingual } from '../../../lib/i18n/locale.ts';
import { parseRegionCode } from '../../../lib/rules/import-values.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';

export type VillageResolution =
  | { ok: true; code: string }
  | {
      ok: false;
      code: 'REGION_UNKNOWN' | 'REGION_AMBIGUOUS';
      field: 'village' | 'district' | 'regency';
      message: Bilingual;
    };

type Village = { code: string; name: string; district: string; districtName: string; regencyName: string };

/** Upper case, letters and digits only, without the words offices put in front ("Desa", "Kec.", "Kab."). */
function nameKey(text: string, prefixes: RegExp): string {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
  return plain.replace(prefixes, '').replace(/ /g, '');
}
const VILLAGE_PREFIX = /^(DESA|DS|KELURAHAN|KEL|KALURAHAN|KAMPUNG|KAMPONG|GAMPONG|NAGARI|PEKON|LEMBANG) /;
const DISTRICT_PREFIX = /^(KECAMATAN|KEC|KAPANEWON|KEMANTREN|DISTRIK) /;
const REGENCY_PREFIX = /^(KABUPATEN|KAB|KOTA ADMINISTRASI|KOTA ADM|KOTA) /;
const regencyKey = (text: string) => nameKey(text, REGENCY_PREFIX);

export class VillageDirectory {
  private readonly byCode = new Map<string, Village>();
  private readonly byName = new Map<string, Village[]>();
  private readonly cache = new Map<string, VillageResolution>();

  constructor(
    villages: readonly Village[],
    private readonly scope: Scope,
  ) {
    for (const v of villages) {
      this.byCode.set(v.code, v);
      const k = nameKey(v.name, VILLAGE_PREFIX);
      const list = this.byName.get(k);
      if (list) list.push(v);
      else this.byName.set(k, [v]);
    }
  }

  /** Villages of the scope with their district's and regency's names, valid today. */
  static async load(tx: Tx, scope: Scope): Promise<VillageDirectory> {
    const within = regionInScope('v.code', scope);
    const rows = await sql<Village>`
      SELECT v.code, v.name, d.code AS district, d.name AS "districtName", r.official_name AS "regencyName"
      FROM region_directory v
      JOIN region_directory d ON d.code = v.parent_code
      JOIN region_directory r ON r.code = d.parent_code
      WHERE v.level = 'village' AND v.valid_to IS NULL AND ${within}`.execute(tx);
    return new VillageDirectory(rows.rows, scope);
  }

  get size(): number {
    return this.byCode.size;
  }

  resolve(village: string | null, district: string | null, regency: string | null): VillageResolution {
    const cacheKey = `${village}\u0000${district}\u0000${regency}`;
    let hit = this.cache.get(cacheKey);
    if (!hit) {
      hit = this.resolveUncached(village ?? '', district, regency);
      if (this.cache.size < 100_000) this.cache.set(cacheKey, hit);
    }
    return hit;
  }

  private resolveUncached(village: string, district: string | null, regency: string | null): VillageResolution {
    if (/^[\d.\s]+$/.test(village)) {
      const parsed = parseRegionCode(village.replace(/\s/g, ''));
      if (!parsed.ok) return unknown('village', parsed.message);
      if (parsed.value.level !== 'village') {
        return unknown('village', {
          id: `Kode ${parsed.value.code} bukan kode desa/kelurahan; tulis kode 10 angka seperti 34.02.08.2004.`,
          en: `Code ${parsed.value.code} is not a village code; write a 10-digit code like 34.02.08.2004.`,
        });
      }
      return this.byCode.has(parsed.value.code)
        ? { ok: true, code: parsed.value.code }
        : unknown('village', this.outside(`kode ${parsed.value.code}`, `code ${parsed.value.code}`));
    }
    let candidates = this.byName.get(nameKey(village, VILLAGE_PREFIX)) ?? [];
    if (candidates.length === 0)
      return unknown('village', this.outside(`desa/kelurahan "${village}"`, `village "${village}"`));
    if (district !== null) {
      const d = nameKey(district, DISTRICT_PREFIX);
      candidates = candidates.filter((v) => nameKey(v.districtName, DISTRICT_PREFIX) === d);
      if (candidates.length === 0) {
        return unknown('district', {
          id: `Desa/kelurahan "${village}" tidak ada di kecamatan "${district}" dalam wilayah Anda. Periksa ejaan nama kecamatan.`,
          en: `Village "${village}" is not in district "${district}" within your region. Check the district's spelling.`,
        });
      }
    }
    if (regency !== null && candidates.length > 1) {
      const r = regencyKey(regency);
      const full = nameKey(regency, /^$/);
      const narrowed = candidates.filter((v) => nameKey(v.regencyName, /^$/) === full);
      candidates = narrowed.length > 0 ? narrowed : candidates.filter((v) => regencyKey(v.regencyName) === r);
    }
    if (candidates.length === 1) return { ok: true, code: candidates[0]!.code };
    if (candidates.length === 0) {
      return unknown('regency', {
        id: `Desa/kelurahan "${village}" tidak ada di "${regency}" dalam wilayah Anda.`,
        en: `Village "${village}" is not in "${regency}" within your region.`,
      });
    }
    // By code, so the message reads the same whatever order the directory returned the villages in.
    const listed = [...candidates]
      .sort((a, b) => a.code.localeCompare(b.code))
      .slice(0, 5)
      .map((v) => `${v.name} (Kec. ${v.districtName}, ${v.code})`)
      .join('; ');
    return {
      ok: false,
      code: 'REGION_AMBIGUOUS',
      field: 'village',
      message: {
        id: `Ada ${candidates.length} desa/kelurahan bernama "${village}": ${listed}. Isi kolom Kecamatan (dan Kabupaten) atau tulis kode desa.`,
        en: `There are ${candidates.length} villages named "${village}": ${listed}. Fill in the District (and Regency) column or write the village code.`,
      },
    };
  }

  private outside(what: string, whatEn: string): Bilingual {
    return this.scope === '*'
      ? { id: `${capital(what)} tidak dikenal.`, en: `${capital(whatEn)} is unknown.` }
      : {
          id: `${capital(what)} tidak dikenal di wilayah Anda (${this.scope}). Periksa ejaan atau tulis kode desa; data di luar wilayah Anda diunggah oleh operator wilayah itu.`,
          en: `${capital(whatEn)} is unknown within your region (${this.scope}). Check the spelling or write the village code; data outside your region is uploaded by that region's operator.`,
        };
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function unknown(field: 'village' | 'district' | 'regency', message: Bilingual): VillageResolution {
  return { ok: false, code: 'REGION_UNKNOWN', field, message };
}
