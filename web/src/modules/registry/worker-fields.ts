// How a worker's fields read on screen (labels and values), shared by the history and the duplicate comparison.
import type { Worker } from '../../../../lib/contracts/workers.ts';
import type { Locale } from '../../../../lib/i18n/locale.ts';
import {
  PARTICIPATION_CATEGORY_LABELS,
  SEGMENTS,
  VULNERABILITY_FLAG_LABELS,
  type ParticipationCategory,
  type SegmentCode,
  type VulnerabilityFlag,
} from '../../../../lib/rules/segments.ts';
import type { RegistryKey, RegistryT } from './registry-text.ts';
import { formatDate, formatNumber } from '../../ui/format.ts';

const FIELD_LABELS: Readonly<Record<string, RegistryKey>> = {
  nik: 'workerForm.nik',
  fullName: 'workerForm.fullName',
  birthPlace: 'workerForm.birthPlace',
  birthDate: 'workerForm.birthDate',
  sex: 'workerForm.sex',
  village: 'workerForm.domicile',
  address: 'workerForm.address',
  rt: 'workerForm.rt',
  rw: 'workerForm.rw',
  phone: 'workerForm.phone',
  segment: 'workerForm.segment',
  category: 'workerForm.category',
  monthlyIncome: 'workerForm.income',
  vulnerability: 'workerForm.vulnerability',
  kpjNumber: 'workerDetail.kpj',
  lifeStatus: 'workerDetail.lifeStatus',
  deathDate: 'workerForm.deathDate',
};

/** The form's label of a field; a field the form does not know keeps its stored name. */
export function fieldLabel(field: string, t: RegistryT): string {
  const key = FIELD_LABELS[field];
  return key ? t(key) : field;
}

type Context = { t: RegistryT; locale: Locale; regionLabels?: Readonly<Record<string, string>> };

/** One value as people read it: labels instead of codes, `Rp1.500.000`, `5 Sep 1985`, a dash for nothing. */
export function formatFieldValue(field: string, value: unknown, { t, locale, regionLabels }: Context): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return t('ui.none');
  }
  switch (field) {
    case 'birthDate':
    case 'deathDate':
      return formatDate(String(value), locale);
    case 'sex':
      return value === 'L' || value === 'P' ? t(`workerForm.sex.${value}`) : String(value);
    case 'segment':
      return SEGMENTS[value as SegmentCode]?.label[locale] ?? String(value);
    case 'category':
      return PARTICIPATION_CATEGORY_LABELS[value as ParticipationCategory]?.[locale] ?? String(value);
    case 'vulnerability':
      return (Array.isArray(value) ? value : [value])
        .map((f) => VULNERABILITY_FLAG_LABELS[f as VulnerabilityFlag]?.[locale] ?? String(f))
        .join(', ');
    case 'monthlyIncome':
      return `Rp${formatNumber(Number(value), locale)}`;
    case 'village':
      return regionLabels?.[String(value)] ?? String(value);
    case 'lifeStatus':
      return value === 'alive'
        ? t('workerDetail.alive')
        : value === 'deceased'
          ? t('workerForm.deceased')
          : String(value);
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}

/** A worker's value of a comparison field (life status carries its date). */
export function workerFieldValue(worker: Worker, field: keyof Worker, ctx: Context): string {
  if (field === 'village') return worker.villageLabel;
  if (field === 'lifeStatus' && worker.lifeStatus === 'deceased') {
    return ctx.t('workerDetail.deceased', { date: formatDate(worker.deathDate, ctx.locale) });
  }
  return formatFieldValue(field, worker[field], ctx);
}
