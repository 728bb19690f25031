// `/paritrana`: the award's frameworks (a national administrator publishes or copies them) and the self-assessments
// in the user's area; Disnaker opens the regency's self-assessment against a published framework.
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { levelOfCode } from '../../../../lib/access/roles.ts';
import { ASSESSMENT_PREPARERS } from '../../../../lib/contracts/assessment.ts';
import { ROUTES } from '../../app/routes.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useAssessments, useCopy, useFrameworks, useOpenAssessment, usePublish } from './assessment-api.ts';
import { useAssessmentText } from './assessment-text.ts';

export function ParitranaPage() {
  const t = useAssessmentText();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const frameworks = useFrameworks();
  const assessments = useAssessments();
  const open = useOpenAssessment();
  const publish = usePublish();
  const copy = useCopy();
  const published = (frameworks.data?.items ?? []).filter((f) => f.status === 'published');
  const [frameworkId, setFrameworkId] = useState<string | null>(null);
  const [cutoff, setCutoff] = useState('');
  if (frameworks.error) return <ErrorAlert error={frameworks.error} onRetry={() => void frameworks.refetch()} />;
  if (!frameworks.data || !assessments.data) return <PageLoader />;
  const mayPrepare = ASSESSMENT_PREPARERS.includes(me.role) && levelOfCode(me.region) === 'regency';
  const national = me.role === 'admin' && me.region === '*';
  const chosen = frameworkId ?? published[0]?.id ?? null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    open.mutate(
      { frameworkId: chosen, region: me.region, cutoff },
      { onSuccess: (a) => void navigate(`/paritrana/${a.id}`) },
    );
  };
  return (
    <>
      <PageHeader title={t('par.title')} description={t('home.description')} />
      <Stack gap="lg">
        {levelOfCode(me.region) === 'province' && (
          <Anchor component={Link} to="/paritrana/provinsi">
            {t('home.province')}
          </Anchor>
        )}
        {mayPrepare && published.length > 0 && (
          <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} aria-labelledby="open-title">
            <Stack gap="sm">
              <Title order={2} fz="h4" id="open-title">
                {t('home.open')}
              </Title>
              <Group align="end">
                <Select
                  label={t('home.framework')}
                  data={published.map((f) => ({ value: f.id, label: `${f.year}: ${f.name}` }))}
                  value={chosen}
                  onChange={setFrameworkId}
                  allowDeselect={false}
                  w={420}
                />
                <TextInput
                  type="date"
                  label={t('home.cutoff')}
                  value={cutoff}
                  onChange={(e) => setCutoff(e.target.value)}
                  required
                />
                <Button type="submit" loading={open.isPending}>
                  {t('home.open')}
                </Button>
              </Group>
              {open.error && <ErrorAlert error={open.error} />}
            </Stack>
          </Paper>
        )}
        <Title order={2} fz="h4">
          {t('home.assessments')}
        </Title>
        {assessments.data.items.length === 0 ? (
          <Text size="sm">{t('home.empty')}</Text>
        ) : (
          <TableScroll label={t('home.assessments')} minWidth={480}>
            <Table aria-label={t('home.assessments')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('par.region')}</Table.Th>
                  <Table.Th>{t('home.cutoff')}</Table.Th>
                  <Table.Th>{t('fw.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {assessments.data.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/paritrana/${a.id}`}>
                        {a.regionLabel}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{a.cutoff}</Table.Td>
                    <Table.Td>
                      <Badge variant="light">{t(a.status === 'submitted' ? 'status.submitted' : 'status.draft')}</Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
        <Title order={2} fz="h4">
          {t('home.frameworks')}
        </Title>
        <TableScroll label={t('home.frameworks')} minWidth={480}>
          <Table aria-label={t('home.frameworks')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fw.year')}</Table.Th>
                <Table.Th>{t('fw.name')}</Table.Th>
                <Table.Th>{t('fw.status')}</Table.Th>
                {national && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {frameworks.data.items.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{f.year}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={ROUTES.paritranaFramework(f.id)}>
                      {f.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {f.note}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(f.status === 'published' ? 'fw.published' : 'fw.draft')}</Table.Td>
                  {national && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {f.status === 'draft' && (
                          <Button size="compact-sm" onClick={() => publish.mutate(f.id)} loading={publish.isPending}>
                            {t('home.publish')}
                          </Button>
                        )}
                        <Button
                          size="compact-sm"
                          variant="light"
                          loading={copy.isPending}
                          onClick={() =>
                            copy.mutate({ id: f.id, year: f.year + 1, name: t('home.copyName', { name: f.name }) })
                          }
                        >
                          {t('home.copy')}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
        {(publish.error ?? copy.error) && <ErrorAlert error={publish.error ?? copy.error} />}
      </Stack>
    </>
  );
}
