// `/pengumpulan` (issue 19 §1–2): Disnaker's collection targets — the list with the overdue ones marked, a form that
// splits a quota across every village of a region (evenly, in proportion to a denominator, or by hand with every
// village listed), and the upload of a candidate list from poverty data (CSV with ';' or XLSX; the server names
// each wrong row and column).
import {
  Alert,
  Anchor,
  List,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { TargetCreate } from '../../../../lib/contracts/collection.ts';
import { LIST_SOURCES } from '../../../../lib/contracts/collection.ts';
import { ApiError } from '../../app/api.ts';
import { useLocale } from '../../app/i18n.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDate, formatNumber, wholeNumberInput } from '../../ui/format.ts';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { UploadForm } from '../../ui/UploadForm.tsx';
import { usePrograms } from '../programs/programs-api.ts';
import { useCandidateUpload, useCreateTarget, useTargets, useVillages } from './collection-api.ts';
import { useCollectionText, type CollectionT } from './collection-text.ts';

type Method = TargetCreate['method'];
type Basis = 'workforce' | 'candidates';

function TargetList({ t }: { t: CollectionT }) {
  const [locale] = useLocale();
  const targets = useTargets();
  if (targets.error) return <ErrorAlert error={targets.error} onRetry={() => void targets.refetch()} />;
  if (!targets.data) return <PageLoader />;
  if (targets.data.items.length === 0) return <Text size="sm">{t('plan.listEmpty')}</Text>;
  return (
    <TableScroll label={t('plan.list')} minWidth={760}>
      <Table aria-label={t('plan.list')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plan.col.name')}</Table.Th>
            <Table.Th>{t('plan.col.region')}</Table.Th>
            <Table.Th ta="right">{t('plan.col.quota')}</Table.Th>
            <Table.Th>{t('plan.col.method')}</Table.Th>
            <Table.Th>{t('plan.col.due')}</Table.Th>
            <Table.Th>{t('plan.col.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {targets.data.items.map((target) => (
            <Table.Tr key={target.id}>
              <Table.Td>
                <Anchor component={Link} to={ROUTES.collectionTarget(target.id)}>
                  {target.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{target.regionLabel}</Table.Td>
              <Table.Td ta="right">{formatNumber(target.quota)}</Table.Td>
              <Table.Td>{t(`method.${target.method}`)}</Table.Td>
              <Table.Td>{formatDate(target.dueOn, locale)}</Table.Td>
              <Table.Td>
                {target.overdue ? (
                  <Badge variant="light" color="red">
                    {t('target.overdue')}
                  </Badge>
                ) : (
                  <Badge variant="light">{t('plan.onTime')}</Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

function ManualSplit({
  region,
  quota,
  values,
  onChange,
  t,
}: {
  region: string;
  quota: number;
  values: Record<string, number>;
  onChange: (v: Record<string, number>) => void;
  t: CollectionT;
}) {
  const [locale] = useLocale();
  const villages = useVillages(region, /^\d{2}(\.\d{2}){1,2}$/.test(region));
  if (villages.error) return <ErrorAlert error={villages.error} />;
  if (!villages.data) return null;
  const sum = Object.values(values).reduce((a, b) => a + b, 0);
  return (
    <Stack gap="xs">
      <Text fw={600} c={sum === quota ? undefined : 'red.9'} data-testid="manual-sum">
        {t('plan.manualSum', { sum: formatNumber(sum), quota: formatNumber(quota) })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs">
        {villages.data.items.map((v) => (
          <NumberInput
            key={v.code}
            label={v.name}
            value={values[v.code] ?? 0}
            min={0}
            onChange={(n) => onChange({ ...values, [v.code]: typeof n === 'number' ? n : 0 })}
            {...wholeNumberInput(locale)}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function CreateTarget({ t }: { t: CollectionT }) {
  const me = useCurrentUser();
  const [locale] = useLocale();
  const navigate = useNavigate();
  const create = useCreateTarget();
  const programs = usePrograms({ page: 1, pageSize: 100 });
  const year = new Date().getFullYear();
  const [name, setName] = useState('');
  const [region, setRegion] = useState(me.region === '*' ? '' : me.region);
  const [programId, setProgramId] = useState<string | null>(null);
  const [quota, setQuota] = useState(0);
  const [method, setMethod] = useState<Method>('even');
  const [basis, setBasis] = useState<Basis>('workforce');
  const [startsOn, setStartsOn] = useState(`${year}-01-01`);
  const [dueOn, setDueOn] = useState(`${year}-12-31`);
  const [manual, setManual] = useState<Record<string, number>>({});
  const submit = () =>
    create.mutate(
      {
        name,
        region,
        programId,
        quota,
        method,
        basis: method === 'proportional' ? basis : 'none',
        startsOn,
        dueOn,
        ...(method === 'manual' && {
          manual: Object.entries(manual).map(([village, q]) => ({ village, quota: q })),
        }),
      },
      { onSuccess: (saved) => navigate(ROUTES.collectionTarget(saved.id), { state: saved }) },
    );
  return (
    <Card withBorder>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('plan.create')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput label={t('plan.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
            <TextInput
              label={t('plan.region')}
              value={region}
              onChange={(e) => setRegion(e.currentTarget.value.trim())}
              required
            />
            <LabelledSelect
              label={t('plan.program')}
              value={programId}
              onChange={setProgramId}
              clearable
              data={(programs.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
            <NumberInput
              label={t('plan.quota')}
              value={quota}
              min={0}
              onChange={(n) => setQuota(typeof n === 'number' ? n : 0)}
              required
              {...wholeNumberInput(locale)}
            />
            <DateField label={t('plan.startsOn')} value={startsOn} onChange={setStartsOn} required />
            <DateField label={t('plan.dueOn')} value={dueOn} onChange={setDueOn} required />
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="split-method">
              {t('plan.method')}
            </Text>
            <SegmentedControl
              aria-labelledby="split-method"
              value={method}
              onChange={(v) => setMethod(v as Method)}
              data={(['even', 'proportional', 'manual'] as const).map((m) => ({ value: m, label: t(`method.${m}`) }))}
            />
          </Stack>
          {method === 'proportional' && (
            <LabelledSelect
              label={t('plan.basis')}
              value={basis}
              onChange={(v) => v && setBasis(v as Basis)}
              data={(['workforce', 'candidates'] as const).map((b) => ({ value: b, label: t(`basis.${b}`) }))}
            />
          )}
          {method === 'manual' && (
            <ManualSplit region={region} quota={quota} values={manual} onChange={setManual} t={t} />
          )}
          {create.error && <ErrorAlert error={create.error} />}
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('plan.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function CandidateUpload({ t }: { t: CollectionT }) {
  const upload = useCandidateUpload();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<string>('DTSEN');
  return (
    <Card withBorder>
      <UploadForm
        title={t('plan.upload')}
        description={t('plan.uploadHelp')}
        file={file}
        onFileChange={setFile}
        fileLabel={t('plan.file')}
        fields={
          <LabelledSelect
            label={t('plan.source')}
            value={source}
            onChange={(v) => v && setSource(v)}
            data={LIST_SOURCES.map((s) => ({ value: s, label: s === 'other' ? 'Lainnya / Other' : s }))}
          />
        }
        onSubmit={() => file && upload.mutate({ file, source })}
        error={upload.error}
        actions={
          <Button type="submit" loading={upload.isPending}>
            {t('plan.upload')}
          </Button>
        }
      >
        {upload.error instanceof ApiError && upload.error.issues.length > 0 && (
          <List size="sm" data-testid="candidate-issues">
            {upload.error.issues.map((i) => (
              <List.Item key={`${i.path}: ${i.message}`}>
                {i.path}: {i.message}
              </List.Item>
            ))}
          </List>
        )}
        {upload.data && (
          <Alert color="green" data-testid="candidates-imported">
            {t('plan.imported', {
              persons: formatNumber(upload.data.persons),
              villages: formatNumber(upload.data.villages),
            })}
          </Alert>
        )}
      </UploadForm>
    </Card>
  );
}

export function PlannerPage() {
  const t = useCollectionText();
  const me = useCurrentUser();
  return (
    <>
      <PageHeader
        title={t('plan.title')}
        description={t('plan.description')}
        actions={
          me.role === 'admin' ? (
            <Anchor component={Link} to={ROUTES.collectionDevices}>
              {t('plan.devices')}
            </Anchor>
          ) : undefined
        }
      />
      <Stack gap="lg">
        <TargetList t={t} />
        <CreateTarget t={t} />
        <CandidateUpload t={t} />
      </Stack>
    </>
  );
}
