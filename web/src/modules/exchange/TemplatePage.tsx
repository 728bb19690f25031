import { ActionIcon, Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import {
  TEMPLATE_FIELD_LABELS,
  TEMPLATE_FIELDS,
  TEMPLATE_EDITORS,
  type TemplateColumn,
} from '../../../../lib/contracts/exchange.ts';
import { useLocale } from '../../app/i18n.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useSaveTemplate, useTemplate } from './exchange-api.ts';
import { useExchangeText } from './exchange-text.ts';
import { ExchangeNav } from './exchange-ui.tsx';

export function TemplatePage() {
  const xt = useExchangeText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const template = useTemplate();
  const save = useSaveTemplate();
  const [name, setName] = useState('');
  const [columns, setColumns] = useState<TemplateColumn[]>([]);
  const [saved, setSaved] = useState(false);
  const mayEdit = TEMPLATE_EDITORS.includes(me.role);

  useEffect(() => {
    if (template.data) {
      setName(template.data.name);
      setColumns(template.data.columns);
    }
  }, [template.data]);

  const change = (next: TemplateColumn[]) => {
    setColumns(next);
    setSaved(false);
  };
  const move = (i: number, by: -1 | 1) => {
    const next = [...columns];
    const [c] = next.splice(i, 1);
    next.splice(i + by, 0, c!);
    change(next);
  };
  const fieldOptions = TEMPLATE_FIELDS.map((f) => ({ value: f, label: TEMPLATE_FIELD_LABELS[f][locale] }));

  return (
    <>
      <PageHeader title={xt('template.title')} description={xt('template.description', { region: me.regionLabel })} />
      <ExchangeNav />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        {template.error ? <ErrorAlert error={template.error} onRetry={() => void template.refetch()} /> : null}
        {template.data && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate({ name, columns }, { onSuccess: () => setSaved(true) });
            }}
          >
            <Stack gap="md">
              {template.data.inherited && (
                <Alert color="blue" variant="light">
                  {xt('template.inherited', { source: template.data.regionLabel })}
                </Alert>
              )}
              {!mayEdit && <Text size="sm">{xt('template.readOnly')}</Text>}
              <TextInput
                label={xt('template.name')}
                value={name}
                onChange={(e) => {
                  setName(e.currentTarget.value);
                  setSaved(false);
                }}
                maw="32rem"
                disabled={!mayEdit}
                required
              />
              <Title order={2} fz="h5">
                {xt('template.columns')}
              </Title>
              <Stack gap="xs" component="ol" style={{ paddingLeft: 0, listStyle: 'none' }}>
                {columns.map((c, i) => (
                  <Group key={i} component="li" gap="xs" align="flex-end" wrap="nowrap">
                    <Text size="sm" w={28} ta="right" pb={8} aria-hidden>
                      {i + 1}.
                    </Text>
                    <TextInput
                      label={xt('template.header', { n: i + 1 })}
                      value={c.header}
                      onChange={(e) =>
                        change(columns.map((x, j) => (j === i ? { ...x, header: e.currentTarget.value } : x)))
                      }
                      disabled={!mayEdit}
                      style={{ flex: 1 }}
                    />
                    <LabelledSelect
                      label={xt('template.field', { n: i + 1 })}
                      data={fieldOptions}
                      value={c.field}
                      onChange={(v) =>
                        v &&
                        change(columns.map((x, j) => (j === i ? { ...x, field: v as TemplateColumn['field'] } : x)))
                      }
                      disabled={!mayEdit}
                      style={{ flex: 1 }}
                    />
                    <ActionIcon
                      variant="default"
                      size="lg"
                      aria-label={xt('template.up', { n: i + 1 })}
                      disabled={!mayEdit || i === 0}
                      onClick={() => move(i, -1)}
                    >
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      size="lg"
                      aria-label={xt('template.down', { n: i + 1 })}
                      disabled={!mayEdit || i === columns.length - 1}
                      onClick={() => move(i, 1)}
                    >
                      <IconArrowDown size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      size="lg"
                      color="red"
                      aria-label={xt('template.remove', { n: i + 1 })}
                      disabled={!mayEdit}
                      onClick={() => change(columns.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                ))}
              </Stack>
              {save.error ? <ErrorAlert error={save.error} /> : null}
              {saved && (
                <Alert color="green" variant="light" role="status">
                  {xt('template.saved')}
                </Alert>
              )}
              {mayEdit && (
                <Group>
                  <Button
                    variant="default"
                    leftSection={<IconPlus size={16} aria-hidden />}
                    onClick={() => change([...columns, { header: '', field: 'nik' }])}
                  >
                    {xt('template.add')}
                  </Button>
                  <Button type="submit" loading={save.isPending}>
                    {xt('template.save')}
                  </Button>
                </Group>
              )}
            </Stack>
          </form>
        )}
      </Paper>
    </>
  );
}
