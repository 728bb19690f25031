import { Badge, Button, Group } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { CLAIM_READERS } from '../../../../lib/contracts/claims.ts';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { useHousehold } from './claims-api.ts';
import { useClaimsText } from './claims-text.ts';

/** "Ahli waris dan KK" on the worker page, with what a future claim still lacks (the claims module's page). */
export function HeirsLink({ workerId }: { workerId: string }) {
  const me = useCurrentUser();
  if (!CLAIM_READERS.includes(me.role)) return null;
  return <HeirsButton workerId={workerId} />;
}

function HeirsButton({ workerId }: { workerId: string }) {
  const ct = useClaimsText();
  const household = useHousehold(workerId);
  const missing = household.data?.missing ?? [];
  return (
    <Group gap={6} wrap="nowrap">
      <Button
        component={Link}
        to={ROUTES.claimHeirs(workerId)}
        variant="default"
        leftSection={<IconUsers size={18} aria-hidden />}
      >
        {ct('heirs.link')}
      </Button>
      {missing.length > 0 && (
        <Badge color="yellow" variant="light" radius="sm" data-testid="heirs-missing-badge">
          {`${ct('heirs.missingShort')}: ${missing.map((m) => ct(`missing.${m}`)).join(', ')}`}
        </Badge>
      )}
    </Group>
  );
}
