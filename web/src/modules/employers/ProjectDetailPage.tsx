// `/pemberi-kerja/proyek/:id`: one project, its Jakon contribution (the contribution engine's quote), the branch's
// certificate, "siap mulai" (refused by the server without the certificate), and its workers attached by NIK with
// their wages when known; the basis of the contribution (contract value or wages) is chosen until the certificate.
import {
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { EMPLOYER_EDITORS } from '../../../../lib/contracts/employers.ts';
import { useLocale } from '../../app/i18n.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { useCurrentUser } from '../../app/session.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDate, formatRupiah, wholeNumberInput } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import {
  useAttachWorker,
  useChooseJakonBasis,
  useMarkReady,
  useProject,
  useRecordCertificate,
} from './employers-api.ts';
import { useEmployersText } from './employers-text.ts';
import { EmployersTabs } from './employers-ui.tsx';
import { ProjectStatusBadge } from './ProjectsPage.tsx';

export function ProjectDetailPage() {
  const { id = '' } = useParams();
  const et = useEmployersText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const project = useProject(id);
  const cert = useRecordCertificate(id);
  const ready = useMarkReady(id);
  const attach = useAttachWorker(id);
  const basis = useChooseJakonBasis(id);
  const [number, setNumber] = useState('');
  const [paidOn, setPaidOn] = useState('');
  const [nik, setNik] = useState('');
  const [wage, setWage] = useState<string | number>('');
  if (project.error) return <ErrorAlert error={project.error} onRetry={() => void project.refetch()} />;
  const p = project.data;
  if (!p) return <PageLoader />;
  const mayEdit = EMPLOYER_EDITORS.includes(me.role);
  const facts: [string, string][] = [
    [et('projects.dpa'), p.dpaReference],
    [et('projects.contractor'), p.contractor + (p.contractorNib ? ` (NIB ${p.contractorNib})` : '')],
    [et('col.village'), p.villageLabel],
    [et('projects.period'), `${formatDate(p.startDate, locale)} – ${formatDate(p.endDate, locale)}`],
    [et('projects.value'), formatRupiah(p.contractValue)],
    [et('projects.certNumber'), p.certificateNumber ?? '–'],
    [et('projects.paidOn'), p.paidOn ? formatDate(p.paidOn, locale) : '–'],
  ];
  const saveCert = (e: FormEvent) => {
    e.preventDefault();
    cert.mutate({ certificateNumber: number.trim(), paidOn });
  };
  const addWorker = (e: FormEvent) => {
    e.preventDefault();
    attach.mutate(
      { nik: nik.trim(), ...(typeof wage === 'number' && wage > 0 && { wage }) },
      {
        onSuccess: () => {
          setNik('');
          setWage('');
        },
      },
    );
  };
  return (
    <>
      <PageHeader title={p.name} description={et('projects.description')} />
      <EmployersTabs />
      <Stack gap="lg">
        <Group>
          <ProjectStatusBadge status={p.status} />
          <Text>
            {et('projects.jakon')}: <strong data-testid="project-jakon">{formatRupiah(p.jakonContribution)}</strong>
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {et('projects.jakonNote', { date: formatDate(p.jakonQuotedOn, locale) })}
        </Text>
        <Group align="center">
          <Text size="sm">{et('projects.basis')}:</Text>
          <SegmentedControl
            aria-label={et('projects.basis')}
            data-testid="project-basis"
            value={p.jakonBasis}
            disabled={!mayEdit || p.certificateNumber !== null || basis.isPending}
            onChange={(v) => basis.mutate(v as typeof p.jakonBasis)}
            data={(['contract_value', 'wages'] as const).map((b) => ({ value: b, label: et(`projects.basis.${b}`) }))}
          />
        </Group>
        <Text size="sm" c="dimmed">
          {et('projects.basisNote')}
        </Text>
        {basis.error && <ErrorAlert error={basis.error} />}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Paper withBorder radius="md" p="md">
            <Table>
              <Table.Tbody>
                {facts.map(([k, v]) => (
                  <Table.Tr key={k}>
                    <Table.Th>{k}</Table.Th>
                    <Table.Td>{v}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          {mayEdit && (
            <Paper withBorder radius="md" p="md">
              <Stack gap="sm">
                <Title order={2} fz="h4">
                  {et('projects.certificate')}
                </Title>
                <form onSubmit={saveCert}>
                  <Group align="end">
                    <TextInput
                      label={et('projects.certNumber')}
                      value={number}
                      onChange={(e) => setNumber(e.target.value)}
                      inputMode="numeric"
                      required
                    />
                    <DateField label={et('projects.paidOn')} value={paidOn} onChange={setPaidOn} required />
                    <Button type="submit" loading={cert.isPending}>
                      {et('projects.saveCert')}
                    </Button>
                  </Group>
                </form>
                {cert.error && <ErrorAlert error={cert.error} />}
                {p.status !== 'ready' && (
                  <Group>
                    <Button color="teal" loading={ready.isPending} onClick={() => ready.mutate(undefined)}>
                      {et('projects.markReady')}
                    </Button>
                  </Group>
                )}
                {ready.error && <ErrorAlert error={ready.error} />}
              </Stack>
            </Paper>
          )}
        </SimpleGrid>
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Title order={2} fz="h4">
              {et('projects.workers')}
            </Title>
            {p.workerList.length === 0 ? (
              <Text size="sm">{et('projects.noWorkers')}</Text>
            ) : (
              p.workerList.map((w) => (
                <Text key={w.workerId} size="sm">
                  {w.name} · {w.nikMasked} · {w.wage === null ? et('projects.wageUnknown') : formatRupiah(w.wage)}
                </Text>
              ))
            )}
            {mayEdit && (
              <form onSubmit={addWorker}>
                <Group align="end">
                  <TextInput
                    label={et('projects.nik')}
                    value={nik}
                    onChange={(e) => setNik(e.target.value)}
                    inputMode="numeric"
                    required
                  />
                  <NumberInput
                    label={et('projects.wage')}
                    value={wage}
                    onChange={setWage}
                    min={1}
                    {...wholeNumberInput(locale)}
                  />
                  <Button type="submit" loading={attach.isPending}>
                    {et('projects.attach')}
                  </Button>
                </Group>
              </form>
            )}
            {attach.error && <ErrorAlert error={attach.error} />}
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
