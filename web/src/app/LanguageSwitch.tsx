import { Box, Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { LOCALES, type Locale } from '../../../lib/i18n/locale.ts';
import { errorMessage } from '../ui/ErrorAlert.tsx';
import { useLocale, useT } from './i18n.ts';
import { useMe, useSavePreferredLocale } from './session.tsx';

/** ID | EN. Kept in localStorage; when signed in, also saved to the account so server messages follow it. */
export function LanguageSwitch() {
  const t = useT();
  const [locale, setLocale] = useLocale();
  const me = useMe().data;
  const save = useSavePreferredLocale();

  const choose = (next: Locale) => {
    if (next === locale) return;
    setLocale(next);
    if (me) {
      save.mutate(next, {
        onError: (err) =>
          notifications.show({ color: 'red', title: t('lang.saveFailed'), message: errorMessage(err, t) }),
      });
    }
  };

  return (
    <Box role="group" aria-label={t('lang.group')}>
      <Button.Group>
        {LOCALES.map((l) => (
          <Button
            key={l}
            size="compact-sm"
            variant={l === locale ? 'filled' : 'default'}
            aria-pressed={l === locale}
            lang={l}
            title={t(`lang.${l}`)}
            onClick={() => choose(l)}
          >
            {l.toUpperCase()}
          </Button>
        ))}
      </Button.Group>
    </Box>
  );
}
