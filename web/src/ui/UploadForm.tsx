// One spreadsheet upload form: an optional title and help text, the CSV/XLSX file field, the template link beside
// it, the page's own extra fields, the error of the last attempt, and the page's buttons. Used by every page that
// uploads a list (worker import, BPJS answers and snapshots, workforce figures, proposals by file).
import { FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import type { FormEvent, ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';
import { TemplateLink } from './TemplateLink.tsx';

/** The file types every upload accepts (the server's streaming reader reads CSV and XLSX). */
export const SPREADSHEET_ACCEPT =
  '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Props = {
  /** Called on submit (Enter or the submit button); the browser's own submit is prevented. */
  onSubmit: () => void;
  file: File | null;
  onFileChange: (file: File | null) => void;
  fileLabel: string;
  fileDescription?: string;
  filePlaceholder?: string;
  /** The upload's GET template route, e.g. `/api/imports/template.xlsx`. */
  templateHref?: string;
  title?: string;
  description?: ReactNode;
  /** Extra fields after the file (sheet name, region, year …). */
  fields?: ReactNode;
  /** The error of the last attempt, shown with the one error helper (ErrorAlert). */
  error?: unknown;
  errorTitle?: string;
  /** The buttons (a submit button and any others). */
  actions: ReactNode;
  /** Below the buttons (a privacy note, the result of a check). */
  children?: ReactNode;
  required?: boolean;
  maw?: string;
};

export function UploadForm({
  onSubmit,
  file,
  onFileChange,
  fileLabel,
  fileDescription,
  filePlaceholder,
  templateHref,
  title,
  description,
  fields,
  error,
  errorTitle,
  actions,
  children,
  required = true,
  maw = '40rem',
}: Props) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate={!required}>
      <Stack gap="sm">
        {title && (
          <Title order={2} fz="h4">
            {title}
          </Title>
        )}
        {description && (
          <Text size="sm" c="dimmed" maw="52rem">
            {description}
          </Text>
        )}
        <Stack gap="sm" maw={maw}>
          <FileInput
            label={fileLabel}
            description={fileDescription}
            placeholder={filePlaceholder}
            accept={SPREADSHEET_ACCEPT}
            leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
            value={file}
            onChange={onFileChange}
            clearable
            required={required}
          />
          {templateHref && <TemplateLink href={templateHref} />}
          {fields}
          {error ? <ErrorAlert error={error} title={errorTitle} /> : null}
          <Group>{actions}</Group>
        </Stack>
        {children}
      </Stack>
    </form>
  );
}
