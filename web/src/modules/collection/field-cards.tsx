// The field page's cards: a worklist candidate with the visit outcome in two taps, and the village's part of a
// collection target in big figures.
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Candidate, TargetDetail, VisitOutcome } from '../../../../lib/contracts/collection.ts';
import { formatDate, formatNumber } from '../../ui/format.ts';
import type { CollectionT } from './collection-text.ts';

const OUTCOMES: VisitOutcome[] = ['not_found', 'refused', 'moved', 'already_covered'];

export function CandidateCard({
  c,
  onOutcome,
  onRegister,
  onPropose,
  t,
}: {
  c: Candidate;
  onOutcome: (o: VisitOutcome) => void;
  onRegister: () => void;
  /** A registered, not enrolled candidate may be proposed to a programme. */
  onPropose?: (() => void) | undefined;
  t: CollectionT;
}) {
  const [chosen, setChosen] = useState<VisitOutcome | null>(null);
  return (
    <Card withBorder data-testid="candidate">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={700} size="lg">
            {c.fullName}
          </Text>
          <Group gap={4}>
            {c.decile !== null && <Badge>{t('field.decile', { decile: c.decile })}</Badge>}
            {c.extremePoor && (
              <Badge variant="light" color="red">
                {t('field.extreme')}
              </Badge>
            )}
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {[c.nikMasked, c.address, c.occupation].filter(Boolean).join(' · ')}
        </Text>
        {c.state === 'not_enrolled' && <Text size="sm">{t('field.notEnrolled')}</Text>}
        {chosen ? (
          <Group grow>
            <Button size="lg" variant="default" onClick={() => setChosen(null)}>
              {t('field.cancel')}
            </Button>
            <Button size="lg" onClick={() => onOutcome(chosen)}>
              {t('field.confirm', { outcome: t(`outcome.${chosen}`) })}
            </Button>
          </Group>
        ) : (
          <Stack gap="xs">
            {c.state === 'not_registered' && (
              <Button size="lg" onClick={onRegister}>
                {t('field.register')}
              </Button>
            )}
            {c.state === 'not_enrolled' && onPropose && (
              <Button size="lg" onClick={onPropose}>
                {t('propose.button')}
              </Button>
            )}
            <SimpleGrid cols={2} spacing="xs">
              {OUTCOMES.map((o) => (
                <Button key={o} size="md" variant="light" onClick={() => setChosen(o)}>
                  {t(`outcome.${o}`)}
                </Button>
              ))}
            </SimpleGrid>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** The village's part of each collection target, in big figures: quota, registered, proposed, active, left. */
export function TargetCard({ target, t }: { target: TargetDetail; t: CollectionT }) {
  const v = target.villages[0];
  if (!v) return null;
  const figures = [
    ['target.quota', v.quota],
    ['target.registered', v.registered],
    ['target.proposed', v.proposed],
    ['target.active', v.active],
    ['target.left', v.left],
  ] as const;
  return (
    <Card
      withBorder
      data-testid="village-target"
      data-registered={v.registered}
      data-proposed={v.proposed}
      data-left={v.left}
    >
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={700} lang="id">
            {target.name}
          </Text>
          {v.overdue && (
            <Badge variant="light" color="red">
              {t('target.overdue')}
            </Badge>
          )}
        </Group>
        <Text size="sm">{t('target.due', { date: formatDate(target.dueOn) })}</Text>
        <SimpleGrid cols={3} spacing="xs" verticalSpacing="xs">
          {figures.map(([key, n]) => (
            <Stack key={key} gap={0} align="center">
              <Text fw={700} fz={26}>
                {formatNumber(n)}
              </Text>
              <Text size="xs">{t(key)}</Text>
            </Stack>
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
