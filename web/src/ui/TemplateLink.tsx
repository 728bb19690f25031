// "Unduh templat" beside every upload: the XLSX the server builds for that upload (headers the reader knows, NIK
// column as text, one example row).
import { Anchor, Group, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useT } from '../app/i18n.ts';

/** `href`: the upload's GET template route, e.g. `/api/imports/template.xlsx`. */
export function TemplateLink({ href, withHint = true }: { href: string; withHint?: boolean }) {
  const t = useT();
  return (
    <Group gap={6} wrap="nowrap" align="center">
      <IconFileSpreadsheet size={16} aria-hidden />
      <Anchor href={href} download size="sm">
        {t('ui.template.link')}
      </Anchor>
      {withHint && (
        <Text size="xs" c="dimmed">
          {t('ui.template.hint')}
        </Text>
      )}
    </Group>
  );
}
