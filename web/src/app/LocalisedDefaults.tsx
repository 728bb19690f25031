import { createTheme, MantineThemeProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useMemo, type ReactNode } from 'react';
import { useT } from './i18n.ts';

/**
 * Names, in the reader's language, for Mantine's icon-only buttons wherever a page leaves them out: the close button
 * of every notification, dialog, drawer and alert, the clear button of file and select inputs, and the paging buttons
 * of every pagination (axe: button-name).
 */
export function LocalisedDefaults({ children }: { children: ReactNode }) {
  const t = useT();
  const theme = useMemo(
    () =>
      createTheme({
        components: {
          Notification: { defaultProps: { closeButtonProps: { 'aria-label': t('app.close') } } },
          Modal: { defaultProps: { closeButtonProps: { 'aria-label': t('app.close') } } },
          Drawer: { defaultProps: { closeButtonProps: { 'aria-label': t('app.close') } } },
          Alert: { defaultProps: { closeButtonLabel: t('app.close') } },
          FileInput: { defaultProps: { clearButtonProps: { 'aria-label': t('input.clear') } } },
          Select: { defaultProps: { clearButtonProps: { 'aria-label': t('input.clear') } } },
          MultiSelect: { defaultProps: { clearButtonProps: { 'aria-label': t('input.clear') } } },
          Pagination: {
            defaultProps: {
              getItemProps: (page: number) => ({ 'aria-label': t('ui.page', { page }) }),
              getControlProps: (control: 'first' | 'previous' | 'last' | 'next') => ({
                'aria-label': t(
                  control === 'first'
                    ? 'ui.firstPage'
                    : control === 'last'
                      ? 'ui.lastPage'
                      : control === 'previous'
                        ? 'ui.prevPage'
                        : 'ui.nextPage',
                ),
              }),
            },
          },
        },
      }),
    [t],
  );
  return (
    <MantineThemeProvider theme={theme} inherit>
      <Notifications position="bottom-right" limit={4} />
      {children}
    </MantineThemeProvider>
  );
}
