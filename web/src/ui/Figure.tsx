// One key figure: a small label above a large value, the exact value in a tooltip when the shown one is rounded
// (`Rp1,2 M` → `Rp1.234.567.890`). `card` (the default) draws it in its own bordered box, `plain` inside a card that
// already has one. Used by every page that shows key figures (billing, imports, programmes, targets).
import { Paper, Stack, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = {
  label: string;
  value: string;
  /** The unrounded value, shown in a tooltip and as `data-exact` when it differs from `value`. */
  exact?: string;
  /** A colour for the value (e.g. red for rejected rows). */
  color?: string;
  /** A line below the value. */
  note?: ReactNode;
  /** `data-testid` of the value. */
  testId?: string;
  variant?: 'card' | 'plain';
  children?: ReactNode;
};

export function Figure({ label, value, exact, color, note, testId, variant = 'card', children }: Props) {
  const plain = variant === 'plain';
  const body = (
    <Stack gap={plain ? 0 : 6}>
      <Text size="xs" c="dimmed" fw={plain ? undefined : 600} tt={plain ? undefined : 'uppercase'}>
        {label}
      </Text>
      <Tooltip label={exact ?? value} disabled={!exact || exact === value}>
        <Text
          fz={plain ? undefined : 24}
          fw={plain ? 600 : 700}
          lh={plain ? undefined : 1.15}
          c={color}
          data-testid={testId}
          data-exact={exact}
        >
          {value}
        </Text>
      </Tooltip>
      {note !== undefined && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
      {children}
    </Stack>
  );
  if (plain) return body;
  return (
    <Paper withBorder radius="md" p="md">
      {body}
    </Paper>
  );
}
