import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { PERSONAL_DATA_EXPORTERS } from '../../../../lib/access/roles.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { usePrivacyText } from './privacy-text.ts';

/** "Data saya": everything held about one worker, as PDF or JSON (Disnaker and admins; the server audits it). */
export function PersonalDataButtons({ workerId }: { workerId: string }) {
  const me = useCurrentUser();
  const pt = usePrivacyText();
  if (!PERSONAL_DATA_EXPORTERS.includes(me.role)) return null;
  const url = (format: 'pdf' | 'json') => `/api/workers/${workerId}/personal-data?format=${format}`;
  return (
    <>
      <Button
        component="a"
        href={url('pdf')}
        download
        variant="default"
        leftSection={<IconDownload size={18} aria-hidden />}
        title={pt('personalData.label', { format: 'PDF' })}
      >
        {pt('personalData.pdf')}
      </Button>
      <Button
        component="a"
        href={url('json')}
        download
        variant="subtle"
        title={pt('personalData.label', { format: 'JSON' })}
      >
        {pt('personalData.json')}
      </Button>
    </>
  );
}
