// Membership proposals of a programme: pick the programme, then propose workers by filter (ProposeForm.tsx) or by
// a file of NIKs (FileProposeForm.tsx); both show ProposalPreview.tsx before confirming.
import { Paper, Stack, Title } from '@mantine/core';
import { IconListSearch } from '@tabler/icons-react';
import { useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '../../app/session.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { EnrollmentList } from './EnrollmentList.tsx';
import { ProgramPicker } from './program-ui.tsx';
import { useProgramsText } from './programs-text.ts';
import { ProposeForm } from './ProposeForm.tsx';
import { FileProposeForm } from './FileProposeForm.tsx';

/**
 * The choice of programme stays in the URL, so a link from the programme page opens it; choosing another one starts
 * over (its status filter and page would mean nothing there).
 */
export function useProgramParam(): [string, (id: string) => void] {
  const [params, setParams] = useSearchParams();
  return [params.get('program') ?? '', (id) => setParams(id ? { program: id } : {}, { replace: true })];
}

export function ProposalsPage() {
  const t = useProgramsText();
  const me = useCurrentUser();
  const [programId, setProgramId] = useProgramParam();
  return (
    <>
      <PageHeader title={t('proposals.title')} description={t('proposals.description', { region: me.regionLabel })} />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md">
          <ProgramPicker value={programId} onChange={setProgramId} />
        </Paper>
        {programId ? (
          <>
            <ProposeForm key={programId} programId={programId} />
            <FileProposeForm key={`file-${programId}`} programId={programId} />
            <section aria-labelledby="proposals-list">
              <Title order={2} size="h4" id="proposals-list" mb="sm">
                {t('proposals.listTitle')}
              </Title>
              <EnrollmentList programId={programId} />
            </section>
          </>
        ) : (
          <EmptyState
            icon={<IconListSearch size={26} stroke={1.5} />}
            title={t('proposals.pickTitle')}
            body={t('proposals.pickBody')}
          />
        )}
      </Stack>
    </>
  );
}
