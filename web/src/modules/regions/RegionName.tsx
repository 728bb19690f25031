import { Text } from '@mantine/core';
import { useRegion } from './regions-api.ts';
import { useRegionsText } from './regions-text.ts';

/** A region code shown as people write it ("Kab. Bantul"), with the code on hover; cached per code. */
export function RegionName({ code }: { code: string | null }) {
  const t = useRegionsText();
  const region = useRegion(code && code !== '*' ? code : null);
  if (!code) return <>{t('ui.none')}</>;
  if (code === '*') return <>{t('region.national')}</>;
  return (
    <Text span size="sm" title={code}>
      {region.data?.label ?? code}
    </Text>
  );
}
