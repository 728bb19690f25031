// The channel picker of the worker registration, import and programme proposal forms (issue 16 §2): the user's own
// organisation by default, any active organisation within or above their area on request.
import { Select } from '@mantine/core';
import { useOrganisations } from './governance-api.ts';
import { useGovernanceText } from './governance-text.ts';

/** `value` undefined: not chosen, the user's organisation is shown and the server records it. */
export function ChannelSelect({
  value,
  onChange,
}: {
  value: string | null | undefined;
  onChange: (value: string | null) => void;
}) {
  const wt = useGovernanceText();
  const q = useOrganisations();
  const shown = value === undefined ? (q.data?.mine ?? null) : value;
  const data = (q.data?.items ?? [])
    .filter((o) => o.active || o.id === shown)
    .map((o) => ({ value: o.id, label: `${o.name} · ${wt(`orgkind.${o.kind}`)}` }));
  return (
    <Select
      label={wt('picker.label')}
      description={wt('picker.description')}
      placeholder={wt('picker.unknown')}
      data={data}
      value={shown}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={wt('picker.unknown')}
    />
  );
}
