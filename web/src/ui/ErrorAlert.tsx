import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { ApiError } from '../app/api.ts';
import { useT, type T } from '../app/i18n.ts';

/** The message to show for an error: the server's own (already localised) words, else a plain fallback. */
export function errorMessage(error: unknown, t: T): string {
  if (error instanceof ApiError) {
    if (error.fromServer) return error.message;
    if (error.code === 'NETWORK') return t('app.networkError');
  }
  return t('app.unknownError');
}

type Props = {
  error: unknown;
  title?: string;
  onRetry?: () => void;
};

/** An Alert with role="alert" and the server's message verbatim (an INTERNAL one already names its request id). */
export function ErrorAlert({ error, title, onRetry }: Props) {
  const t = useT();
  return (
    <Alert
      color="red"
      variant="light"
      title={title ?? t('ui.errorTitle')}
      icon={<IconAlertCircle aria-hidden />}
      role="alert"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorMessage(error, t)}</Text>
        {onRetry && (
          <Button variant="default" size="xs" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
