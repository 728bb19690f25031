// The language of every date field (month and day names, first day of the week: Monday), set once at the root. Kept
// apart from DateField.tsx so that the root, and with it the sign-in page, does not load the calendar's code.
import { DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useLocale } from '../app/i18n.ts';

/** Gives every date field below it the page's language (month names, first day of the week: Monday). */
export function DatesLocale({ children }: { children: ReactNode }) {
  const [locale] = useLocale();
  return <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}
