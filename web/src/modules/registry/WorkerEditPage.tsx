import { useNavigate, useParams } from 'react-router-dom';
import type { Worker } from '../../../../lib/contracts/workers.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { ROUTES } from '../../app/routes.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useUpdateWorker, useWorker } from './registry-api.ts';
import { BackToWorkers, WorkerForm, workerValues } from './WorkerForm.tsx';
import { useRegistryText } from './registry-text.ts';

/** `/pekerja/:id/ubah`: the create form with the saved values; the NIK is sent only when it is being corrected. */
export function WorkerEditPage() {
  const t = useRegistryText();
  const { id = '' } = useParams();
  const worker = useWorker(id);
  if (worker.isPending) return <PageLoader />;
  if (worker.isError) {
    return (
      <>
        <PageHeader title={t('workerForm.editTitle')} above={<BackToWorkers />} />
        <ErrorAlert error={worker.error} onRetry={() => void worker.refetch()} />
      </>
    );
  }
  return <EditForm worker={worker.data} />;
}

function EditForm({ worker }: { worker: Worker }) {
  const t = useRegistryText();
  const navigate = useNavigate();
  const update = useUpdateWorker(worker.id);
  const detail = ROUTES.workerDetail(worker.id);
  return (
    <>
      <PageHeader
        title={t('workerForm.editTitle')}
        description={t('workerForm.editDescription', { name: worker.fullName })}
        above={<BackToWorkers />}
      />
      <WorkerForm
        mode="edit"
        initial={workerValues(worker)}
        nikMasked={worker.nikMasked}
        pending={update.isPending}
        error={update.error}
        onCancel={() => navigate(detail)}
        onSubmit={({ nik, ...rest }) =>
          update.mutate(nik ? { nik, ...rest } : rest, {
            onSuccess: (saved) => navigate(detail, { state: { saved: 'updated', warnings: saved.warnings } }),
          })
        }
      />
    </>
  );
}
