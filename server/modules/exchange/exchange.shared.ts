// What the exchange module's use cases share: the region's label, dates as the branch writes them, file hashes.
import { createHash } from 'node:crypto';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { NATIONAL_LABEL } from '../../../lib/regions/label.ts';
import type { Tx } from '../../platform/db.ts';
import { scopeLabels } from '../regions/index.ts';

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

export async function regionLabel(tx: Tx, region: string | null, locale: Locale): Promise<string> {
  if (region === null || region === '*') return NATIONAL_LABEL[locale];
  return (await scopeLabels(tx, [region], locale)).get(region) ?? region;
}

/** 2027-03-01 → 01-03-2027 (the branch's date format); empty for none. */
export const dmy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : '');

export type BatchDownload = { fileName: string; contentType: string; content: Buffer };
