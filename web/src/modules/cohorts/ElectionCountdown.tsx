// The Disnaker dashboard's election countdown (issue 18 §3): per election officers' programme whose service is not
// over, the days to polling day and the officers not yet covered; nothing when there is no such programme.
import { Alert, Anchor, List, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useLocale } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { useElectionCountdown } from './election-api.ts';
import { useCohortsText } from './cohorts-text.ts';

export function ElectionCountdown() {
  const t = useCohortsText();
  const [locale] = useLocale();
  const countdown = useElectionCountdown(true);
  const items = countdown.data?.items ?? [];
  if (items.length === 0) return null;
  const done = items.every((i) => i.uncovered === 0);
  return (
    <Alert color={done ? 'teal' : 'orange'} title={t('election.countdown')} data-testid="election-countdown">
      <List size="sm">
        {items.map((i) => (
          <List.Item key={i.programId}>
            <Anchor component={Link} to={ROUTES.electionRoster(i.programId)} lang="id">
              {i.programName}
            </Anchor>
            <Text span size="sm">
              {' · '}
              {i.pollingDay !== null && i.daysLeft !== null && i.daysLeft >= 0
                ? t('election.countdownItem', {
                    days: formatNumber(i.daysLeft, locale),
                    day: formatDate(i.pollingDay, locale),
                    uncovered: formatNumber(i.uncovered, locale),
                    officers: formatNumber(i.officers, locale),
                  })
                : t('election.countdownNoDay', {
                    uncovered: formatNumber(i.uncovered, locale),
                    officers: formatNumber(i.officers, locale),
                  })}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
