import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { IconShieldExclamation } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { ROUTES } from '../../app/routes.ts';
import { useSecurityAlerts } from './access-api.ts';
import { useAccessText } from './access-text.ts';

/**
 * The admin's to-do when one address or account causes a burst of security events (more than N in M minutes).
 * Shown on the admin's home and on the Keamanan page; renders nothing while all is calm.
 */
export function SecurityAlertBanner({ withLink = true }: { withLink?: boolean }) {
  const t = useAccessText();
  const alerts = useSecurityAlerts();
  const data = alerts.data;
  if (!data || data.alerts.length === 0) return null;
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title={t('security.alert.title')}
      icon={<IconShieldExclamation size={20} aria-hidden />}
    >
      <Stack gap="xs">
        <Text size="sm">{t('security.alert.body', { threshold: data.threshold, minutes: data.windowMinutes })}</Text>
        <List size="sm" spacing={2}>
          {data.alerts.map((a) => (
            <List.Item key={`${a.by}:${a.value}`}>
              {t(a.by === 'ip' ? 'security.alert.ip' : 'security.alert.username', { value: a.value, events: a.events })}
            </List.Item>
          ))}
        </List>
        {withLink && (
          <Anchor component={Link} to={ROUTES.security} size="sm" fw={600}>
            {t('security.alert.open')}
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}
