import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { CLAIM_TYPES, JKK_OUTCOMES, type ClaimCreate } from '../../../../lib/contracts/claims.ts';
import type { Worker } from '../../../../lib/contracts/workers.ts';
import { todayWib } from '../../../../lib/rules/eligibility.ts';
import { useT } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import { DateField } from '../../ui/DateField.tsx';
import { errorMessage } from '../../ui/ErrorAlert.tsx';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useWorkers } from '../registry/registry-api.ts';
import { useReportClaim } from './claims-api.ts';
import { useClaimsText } from './claims-text.ts';
import { ClaimsTabs } from './claims-ui.tsx';

type Outcome = (typeof JKK_OUTCOMES)[number];

/** `/klaim/baru`: find the worker, describe the event; the server checks coverage at the event date and estimates. */
export function ClaimIntakePage() {
  const ct = useClaimsText();
  const t = useT();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [worker, setWorker] = useState<Worker | null>(null);
  const [type, setType] = useState<'jkm' | 'jkk'>('jkm');
  const [outcome, setOutcome] = useState<Outcome>('death');
  const [percent, setPercent] = useState<number | string>('');
  const [months, setMonths] = useState<number | string>('');
  const [eventDate, setEventDate] = useState(todayWib(new Date()));
  const [place, setPlace] = useState('');
  const [chronology, setChronology] = useState('');
  const [witnesses, setWitnesses] = useState(['', '']);
  const [needWorker, setNeedWorker] = useState(false);
  const found = useWorkers({ q: query, page: 1 });
  const report = useReportClaim();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!worker) {
      setNeedWorker(true);
      return;
    }
    const input: ClaimCreate = {
      workerId: worker.id,
      type,
      eventDate,
      place,
      chronology,
      witnesses: type === 'jkk' ? witnesses.filter((w) => w.trim()).map((name) => ({ name })) : [],
      ...(type === 'jkk' && {
        outcome,
        ...(outcome === 'partial-disability' && percent !== '' && { percent: Number(percent) }),
        ...(outcome === 'stmb' && months !== '' && { months: Number(months) }),
      }),
    };
    report.mutate(input, { onSuccess: (c) => navigate(ROUTES.claimDetail(c.id)) });
  };

  return (
    <>
      <PageHeader title={ct('intake.title')} description={ct('intake.description')} />
      <ClaimsTabs />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md" maw={720}>
            {worker ? (
              <Group justify="space-between">
                <Text fw={600} data-testid="picked-worker">
                  {ct('intake.picked', { name: worker.fullName, nik: worker.nikMasked })}
                </Text>
                <Button variant="subtle" onClick={() => setWorker(null)}>
                  {ct('intake.change')}
                </Button>
              </Group>
            ) : (
              <Stack gap="xs">
                <Group align="flex-end">
                  <TextInput
                    label={ct('intake.search')}
                    value={search}
                    onChange={(e) => setSearch(e.currentTarget.value)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        e.preventDefault();
                        setQuery(search);
                      }
                    }}
                    error={needWorker ? ct('intake.needWorker') : undefined}
                    style={{ flex: 1 }}
                  />
                  <Button variant="default" onClick={() => setQuery(search)}>
                    {ct('intake.searchButton')}
                  </Button>
                </Group>
                {query && found.data && found.data.items.length === 0 && <Text size="sm">{ct('intake.noWorker')}</Text>}
                {query && found.data && found.data.items.length > 0 && (
                  <Table aria-label={ct('intake.search')}>
                    <Table.Tbody>
                      {found.data.items.slice(0, 10).map((w) => (
                        <Table.Tr key={w.id}>
                          <Table.Td>{w.fullName}</Table.Td>
                          <Table.Td ff="monospace">{w.nikMasked}</Table.Td>
                          <Table.Td>{w.villageLabel}</Table.Td>
                          <Table.Td>
                            <Button
                              size="xs"
                              variant="light"
                              aria-label={`${ct('intake.pick')} ${w.fullName}`}
                              onClick={() => {
                                setWorker(w);
                                setNeedWorker(false);
                              }}
                            >
                              {ct('intake.pick')}
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </Stack>
            )}
            <Radio.Group label={ct('intake.type')} value={type} onChange={(v) => setType(v as 'jkm' | 'jkk')} required>
              <Stack gap={6} mt={4}>
                {CLAIM_TYPES.map((k) => (
                  <Radio key={k} value={k} label={ct(`type.${k}`)} />
                ))}
              </Stack>
            </Radio.Group>
            {type === 'jkk' && (
              <LabelledSelect
                label={ct('outcome.label')}
                data={JKK_OUTCOMES.map((o) => ({ value: o, label: ct(`outcome.${o}`) }))}
                value={outcome}
                onChange={(v) => v && setOutcome(v as Outcome)}
                allowDeselect={false}
              />
            )}
            {type === 'jkk' && outcome === 'partial-disability' && (
              <NumberInput label={ct('intake.percent')} value={percent} onChange={setPercent} min={0.01} max={100} />
            )}
            {type === 'jkk' && outcome === 'stmb' && (
              <NumberInput label={ct('intake.months')} value={months} onChange={setMonths} min={1} max={600} />
            )}
            <DateField label={ct('intake.eventDate')} value={eventDate} onChange={setEventDate} required />
            <TextInput
              label={ct('intake.place')}
              value={place}
              onChange={(e) => setPlace(e.currentTarget.value)}
              required
            />
            <Textarea
              label={ct('intake.chronology')}
              value={chronology}
              onChange={(e) => setChronology(e.currentTarget.value)}
              autosize
              minRows={3}
              required
            />
            {type === 'jkk' &&
              witnesses.map((w, i) => (
                <TextInput
                  key={i}
                  label={ct('intake.witness', { n: i + 1 })}
                  description={i === 0 ? ct('intake.witnessHelp') : undefined}
                  value={w}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setWitnesses((all) => all.map((x, j) => (j === i ? v : x)));
                  }}
                />
              ))}
            {report.error && (
              <Alert color="red" role="alert">
                {errorMessage(report.error, t)}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={report.isPending}>
                {ct('intake.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
