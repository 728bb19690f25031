import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ChannelSelect } from '../governance/ChannelSelect.tsx';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useCreateWorker } from './registry-api.ts';
import { BackToWorkers, emptyWorkerValues, WorkerForm } from './WorkerForm.tsx';
import { useRegistryText } from './registry-text.ts';

export function WorkerCreatePage() {
  const t = useRegistryText();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const create = useCreateWorker();
  const [channel, setChannel] = useState<string | null | undefined>(undefined);
  return (
    <>
      <PageHeader title={t('workerForm.title')} description={t('workerForm.description')} above={<BackToWorkers />} />
      <ChannelSelect value={channel} onChange={setChannel} />
      <WorkerForm
        mode="create"
        initial={emptyWorkerValues(me.region)}
        pending={create.isPending}
        error={create.error}
        onCancel={() => navigate(ROUTES.workers)}
        onSubmit={(input) =>
          create.mutate(channel === undefined ? input : { ...input, channelId: channel }, {
            onSuccess: (saved) =>
              navigate(ROUTES.workerDetail(saved.id), { state: { saved: 'created', warnings: saved.warnings } }),
          })
        }
      />
    </>
  );
}
