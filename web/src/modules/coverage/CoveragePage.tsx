import { Stack } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useCurrentUser } from '../../app/session.tsx';
import { CoverageDashboard } from './CoverageDashboard.tsx';
import { useCoverageText } from './coverage-text.ts';

/** /cakupan?wilayah=34.02.01: coverage of one region, drilling down through the region code in the URL. */
export function CoveragePage() {
  const t = useCoverageText();
  const me = useCurrentUser();
  const [params] = useSearchParams();
  const region = params.get('wilayah') ?? (me.region === '*' ? null : me.region);
  return (
    <Stack gap="lg">
      <PageHeader title={t('coverage.pageTitle')} />
      <CoverageDashboard
        region={region}
        variant={me.role === 'pimpinan' ? 'pimpinan' : me.role === 'operator' ? 'operator' : 'disnaker'}
        linkTo={(code) => `/cakupan?wilayah=${code}`}
      />
    </Stack>
  );
}
