// Projects starting within 14 days without a Jakon certificate: on the employer pages and the Disnaker home
// (composed there in the web page: the home module does not call employers).
import { Alert, Anchor, List, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useLocale } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import { formatDate } from '../../ui/format.ts';
import { useProjects } from './employers-api.ts';
import { useEmployersText } from './employers-text.ts';

/** `quiet`: nothing at all when no project is waiting (the Disnaker home). */
export function ProjectsStartingSoon({ quiet = false }: { quiet?: boolean }) {
  const et = useEmployersText();
  const [locale] = useLocale();
  const soon = useProjects({ page: 1, startingWithinDays: 14, withoutJakon: 'true' });
  if (!soon.data) return null;
  if (soon.data.total === 0) return quiet ? null : <Text size="sm">{et('projects.soonNone')}</Text>;
  return (
    <Alert color="orange" title={et('projects.soon')} data-testid="projects-soon">
      <List size="sm">
        {soon.data.items.map((p) => (
          <List.Item key={p.id}>
            <Anchor component={Link} to={ROUTES.projectDetail(p.id)}>
              {p.name}
            </Anchor>{' '}
            · {formatDate(p.startDate, locale)} · {p.villageLabel}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
