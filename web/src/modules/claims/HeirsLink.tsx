import { Button } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { CLAIM_READERS } from '../../../../lib/contracts/claims.ts';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { useClaimsT } from './claims-text.ts';

/** "Ahli waris dan KK" on the worker page: the claims module's page for the worker's heirs. */
export function HeirsLink({ workerId }: { workerId: string }) {
  const ct = useClaimsT();
  const me = useCurrentUser();
  if (!CLAIM_READERS.includes(me.role)) return null;
  return (
    <Button
      component={Link}
      to={ROUTES.claimHeirs(workerId)}
      variant="default"
      leftSection={<IconUsers size={18} aria-hidden />}
    >
      {ct('heirs.link')}
    </Button>
  );
}
