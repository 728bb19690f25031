import { Anchor, Box, Group, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useT } from './i18n.ts';
import { ROUTES } from './routes.ts';

export const ODBL_URL = 'https://opendatacommons.org/licenses/odbl/';

/** On every page: the public calculator, the ODbL attribution the region data requires, and the API documentation. */
export function Footer() {
  const t = useT();
  return (
    <Box
      component="footer"
      role="contentinfo"
      py="md"
      px="md"
      mt="xl"
      style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Group justify="center" gap="xs" wrap="wrap" component="nav" aria-label={t('footer.nav')}>
        <Anchor component={Link} to={ROUTES.calculator} size="xs" underline="always">
          {t('nav.calculator')}
        </Anchor>
        {/* On a phone the three items wrap onto lines of their own: a dot would dangle at a line's end. */}
        <Text size="xs" c="dimmed" aria-hidden visibleFrom="sm">
          ·
        </Text>
        <Text size="xs" c="dimmed" ta="center">
          {t('footer.regionData')}{' '}
          <Anchor href={ODBL_URL} target="_blank" rel="noopener noreferrer" size="xs" underline="always">
            {t('footer.license')}
          </Anchor>
        </Text>
        {/* On a phone the three items wrap onto lines of their own: a dot would dangle at a line's end. */}
        <Text size="xs" c="dimmed" aria-hidden visibleFrom="sm">
          ·
        </Text>
        <Anchor href="/api/docs" size="xs" underline="always">
          {t('footer.apiDocs')}
        </Anchor>
      </Group>
    </Box>
  );
}
