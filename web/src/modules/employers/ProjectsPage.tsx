// `/pemberi-kerja/proyek`: APBD construction projects with their Jakon contribution and certificate; Disnaker
// registers a project here (the contribution is quoted by the server's contribution engine).
import {
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Pagination,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { ProjectItem } from '../../../../lib/contracts/employers.ts';
import { EMPLOYER_EDITORS } from '../../../../lib/contracts/employers.ts';
import { useLocale } from '../../app/i18n.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDate, formatRupiah, wholeNumberInput } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { EMPLOYERS_PAGE_SIZE, useProjects, useRegisterProject } from './employers-api.ts';
import { useEmployersText } from './employers-text.ts';
import { EmployersTabs } from './employers-ui.tsx';
import { ProjectsStartingSoon } from './ProjectsStartingSoon.tsx';

export function ProjectStatusBadge({ status }: { status: ProjectItem['status'] }) {
  const et = useEmployersText();
  return (
    <Badge color={status === 'ready' ? 'teal' : 'orange'} variant="light" radius="sm" data-testid="project-status">
      {et(`projects.status.${status}`)}
    </Badge>
  );
}

function RegisterForm() {
  const et = useEmployersText();
  const [locale] = useLocale();
  const navigate = useNavigate();
  const register = useRegisterProject();
  const [f, setF] = useState({ village: '', dpaReference: '', name: '', contractor: '', contractorNib: '' });
  const [value, setValue] = useState<number | string>('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const text = (k: keyof typeof f) => ({
    value: f[k],
    onChange: (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    register.mutate(
      {
        village: f.village.trim(),
        dpaReference: f.dpaReference.trim(),
        name: f.name.trim(),
        contractor: f.contractor.trim(),
        ...(f.contractorNib.trim() && { contractorNib: f.contractorNib.trim() }),
        contractValue: Number(value),
        startDate: start,
        endDate: end,
      },
      { onSuccess: (p) => void navigate(ROUTES.projectDetail(p.id)) },
    );
  };
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} aria-labelledby="project-register">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="project-register">
          {et('projects.register')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput label={et('projects.name')} required {...text('name')} />
          <TextInput label={et('projects.dpa')} required {...text('dpaReference')} />
          <TextInput label={et('projects.contractor')} required {...text('contractor')} />
          <TextInput label={et('projects.contractorNib')} {...text('contractorNib')} />
          <TextInput label={et('projects.village')} placeholder="34.02.08.2004" required {...text('village')} />
          <NumberInput
            label={et('projects.value')}
            value={value}
            onChange={setValue}
            required
            {...wholeNumberInput(locale)}
          />
          <DateField label={et('projects.start')} value={start} onChange={setStart} required />
          <DateField label={et('projects.end')} value={end} onChange={setEnd} required />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={register.isPending}>
            {et('projects.register')}
          </Button>
        </Group>
        {register.error && <ErrorAlert error={register.error} />}
      </Stack>
    </Paper>
  );
}

export function ProjectsPage() {
  const et = useEmployersText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const [page, setPage] = useState(1);
  const projects = useProjects({ page });
  const mayEdit = EMPLOYER_EDITORS.includes(me.role);
  return (
    <>
      <PageHeader title={et('projects.title')} description={et('projects.description')} />
      <EmployersTabs />
      <Stack gap="lg">
        <ProjectsStartingSoon />
        {mayEdit && <RegisterForm />}
        {projects.error && <ErrorAlert error={projects.error} onRetry={() => void projects.refetch()} />}
        {!projects.data ? (
          !projects.error && <PageLoader />
        ) : projects.data.total === 0 ? (
          <Paper p="md">{et('projects.empty')}</Paper>
        ) : (
          <TableScroll label={et('projects.table')} minWidth={900}>
            <Table aria-label={et('projects.table')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{et('projects.name')}</Table.Th>
                  <Table.Th>{et('projects.contractor')}</Table.Th>
                  <Table.Th>{et('col.village')}</Table.Th>
                  <Table.Th>{et('projects.period')}</Table.Th>
                  <Table.Th>{et('projects.value')}</Table.Th>
                  <Table.Th>{et('projects.jakon')}</Table.Th>
                  <Table.Th>{et('projects.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {projects.data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={ROUTES.projectDetail(p.id)}>
                        {p.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{p.contractor}</Table.Td>
                    <Table.Td>{p.villageLabel}</Table.Td>
                    <Table.Td>
                      {formatDate(p.startDate, locale)} – {formatDate(p.endDate, locale)}
                    </Table.Td>
                    <Table.Td>{formatRupiah(p.contractValue)}</Table.Td>
                    <Table.Td>{formatRupiah(p.jakonContribution)}</Table.Td>
                    <Table.Td>
                      <ProjectStatusBadge status={p.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
        {projects.data && projects.data.total > EMPLOYERS_PAGE_SIZE && (
          <Pagination total={Math.ceil(projects.data.total / EMPLOYERS_PAGE_SIZE)} value={page} onChange={setPage} />
        )}
      </Stack>
    </>
  );
}
