// Dates in forms as ui.md writes them: dd-mm-yyyy (`05-09-1985`), typed or picked from a calendar whose month and
// day names follow the language (dayjs locales 'id' and 'en'). The value stays ISO (`1985-09-05`), as the API takes it.
import '@mantine/dates/styles.css';
import { DateInput, type DateInputProps } from '@mantine/dates';
import dayjs from 'dayjs';
import 'dayjs/locale/id';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { useLocale } from '../app/i18n.ts';

dayjs.extend(customParseFormat);

export const FORM_DATE_FORMAT = 'DD-MM-YYYY';

/** `05-09-1985`, `5-9-1985`, `05/09/1985`, `05.09.1985` or ISO `1985-09-05` → `1985-09-05`; null when not a date. */
export function parseFormDate(text: string): string | null {
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    const iso = dayjs(trimmed, 'YYYY-MM-DD', true);
    return iso.isValid() ? iso.format('YYYY-MM-DD') : null;
  }
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(trimmed);
  if (!m) return null;
  const date = dayjs(`${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`, 'YYYY-MM-DD', true);
  return date.isValid() ? date.format('YYYY-MM-DD') : null;
}

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  /** ISO `yyyy-mm-dd`, or '' when empty. */
  value: string;
  onChange: (iso: string) => void;
};

/** A date field in dd-mm-yyyy; `value` and `onChange` in ISO, '' for empty. */
export function DateField({ value, onChange, ...rest }: Props) {
  const [locale] = useLocale();
  return (
    <DateInput
      valueFormat={FORM_DATE_FORMAT}
      placeholder={locale === 'id' ? 'hh-bb-tttt' : 'dd-mm-yyyy'}
      dateParser={parseFormDate}
      clearable={!rest.required}
      clearButtonProps={{ 'aria-label': locale === 'id' ? 'Kosongkan tanggal' : 'Clear the date' }}
      // Days of the neighbouring months are drawn too faint to read (WCAG contrast): not drawn at all.
      hideOutsideDates
      // Weekends in Mantine's light red fail the contrast too; a form date needs no weekend colour.
      weekendDays={[]}
      previousLabel={locale === 'id' ? 'Bulan sebelumnya' : 'Previous month'}
      nextLabel={locale === 'id' ? 'Bulan berikutnya' : 'Next month'}
      {...rest}
      value={value === '' ? null : value}
      onChange={(v) => onChange(v ?? '')}
    />
  );
}
