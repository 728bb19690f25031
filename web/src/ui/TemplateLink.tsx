// "Unduh templat" beside every upload: the XLSX the server builds for that upload (headers the reader knows, NIK
// column as text, one example row).
import { Anchor, Group, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { moduleText } from '../app/module-text.ts';

const useText = moduleText({
  id: {
    link: 'Unduh templat',
    hint: 'XLSX dengan judul kolom yang dikenali, kolom NIK berformat Teks, dan satu baris contoh.',
  },
  en: {
    link: 'Download template',
    hint: 'XLSX with the recognised column headers, the NIK column formatted as text, and one example row.',
  },
});

/** `href`: the upload's GET template route, e.g. `/api/imports/template.xlsx`. */
export function TemplateLink({ href, withHint = true }: { href: string; withHint?: boolean }) {
  const text = useText();
  return (
    <Group gap={6} wrap="nowrap" align="center">
      <IconFileSpreadsheet size={16} aria-hidden />
      <Anchor href={href} download size="sm">
        {text('link')}
      </Anchor>
      {withHint && (
        <Text size="xs" c="dimmed">
          {text('hint')}
        </Text>
      )}
    </Group>
  );
}
