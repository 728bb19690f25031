// Cascading region choice: Provinsi → Kabupaten/Kota → Kecamatan → Desa/Kelurahan, inside the current user's scope.
// The value is the deepest chosen level (a Kemendagri code), so stopping at a regency gives a regency-scoped user.
import { Combobox, Fieldset, Loader, SimpleGrid, Stack, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { inScope, type RegionLevel } from '../../../../lib/access/roles.ts';
import type { Region } from '../../../../lib/contracts/regions.ts';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { useRegion, useRegionChildren, useRegionSearch } from './regions-api.ts';
import { useRegionsText } from './regions-text.ts';
import { errorMessage } from '../../ui/ErrorAlert.tsx';

export const REGION_LEVELS: readonly RegionLevel[] = ['province', 'regency', 'district', 'village'];

/** The code of `code`'s ancestor (or itself) at depth 1–4; null when `code` is not that deep. */
export function codeAtDepth(code: string, depth: number): string | null {
  if (code === '*' || code === '') return null;
  const parts = code.split('.');
  return parts.length >= depth ? parts.slice(0, depth).join('.') : null;
}

function depthOf(code: string): number {
  return code === '*' || code === '' ? 0 : code.split('.').length;
}

export type RegionPickerProps = {
  /** The current user's region scope: '*' or a code. Levels above it are fixed; nothing outside it can be chosen. */
  scope: string;
  /** The chosen code, or the scope itself when nothing below it is chosen ('*' = all of Indonesia). */
  value: string;
  onChange: (code: string) => void;
  legend?: string;
  description?: ReactNode;
  error?: ReactNode;
  disabled?: boolean;
  /** Show the quick-find box (search by name inside the scope). Default true. */
  withQuickFind?: boolean;
};

export function RegionPicker({
  scope,
  value,
  onChange,
  legend,
  description,
  error,
  disabled,
  withQuickFind = true,
}: RegionPickerProps) {
  const t = useRegionsText();
  const effective = value && inScope(scope, value) ? value : scope;
  const scopeDepth = depthOf(scope);
  const scopeRegion = useRegion(scope === '*' ? null : scope);
  const chosen = useRegion(effective === '*' ? null : effective);

  const summary =
    effective === '*' ? t('region.national') : chosen.data?.code === effective ? chosen.data.fullLabel : null;

  return (
    <Fieldset legend={legend ?? t('region.legend')} variant="unstyled" disabled={disabled}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {description ?? t('region.hint')}
        </Text>
        {withQuickFind && scopeDepth < 4 && !disabled && <RegionQuickFind scope={scope} onPick={onChange} />}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" verticalSpacing="sm">
          {REGION_LEVELS.map((level, i) => {
            const depth = i + 1;
            const fixed = depth <= scopeDepth;
            const parent = i === 0 ? null : codeAtDepth(effective, i);
            return (
              <LevelSelect
                key={level}
                level={level}
                fixed={fixed}
                fixedRegion={fixed ? scopeRegion.data?.path.find((r) => r.level === level) : undefined}
                parent={parent}
                available={!disabled && !fixed && (i === 0 || parent !== null)}
                value={codeAtDepth(effective, depth)}
                onPick={(code) => onChange(code ?? parent ?? '*')}
              />
            );
          })}
        </SimpleGrid>
        <Text size="sm" aria-live="polite">
          {summary ? t('region.selected', { label: summary }) : '\u00a0'}
        </Text>
        {error && (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}

type LevelSelectProps = {
  level: RegionLevel;
  /** Above the user's scope: shown, not changeable. */
  fixed: boolean;
  fixedRegion: Region | undefined;
  parent: string | null;
  /** The level above is chosen (or this is the top level), so this one can load and be picked. */
  available: boolean;
  value: string | null;
  onPick: (code: string | null) => void;
};

function LevelSelect({ level, fixed, fixedRegion, parent, available, value, onPick }: LevelSelectProps) {
  const t = useRegionsText();
  const children = useRegionChildren(parent, available);
  const levelName = t(`level.${level}`);

  if (fixed) {
    const data = value ? [{ value, label: fixedRegion?.label ?? value }] : [];
    return <LabelledSelect label={levelName} data={data} value={value} disabled readOnly className="region-fixed" />;
  }

  const items = children.data ?? [];
  const loading = available && children.isPending;
  const data = items.map((r) => ({ value: r.code, label: r.label }));
  return (
    <LabelledSelect
      label={levelName}
      placeholder={available ? t('region.choose', { level: levelName }) : undefined}
      data={data}
      value={value}
      onChange={(code) => onPick(code)}
      // Disabled while loading, so keyboard users and Playwright (which waits for enabled) never type into an empty list.
      disabled={!available || loading}
      searchable
      clearable
      // Mantine hides the clear button from keyboards and screen readers; this one is reachable by Tab.
      // Its name leaves out the level so that getByLabel('Kecamatan') still finds the one input.
      clearButtonProps={{ 'aria-hidden': false, tabIndex: 0, 'aria-label': t('region.clear') }}
      allowDeselect={false}
      selectFirstOptionOnChange
      nothingFoundMessage={t('region.none')}
      maxDropdownHeight={280}
      rightSection={loading ? <Loader size="xs" aria-label={t('app.loading')} /> : undefined}
      error={children.isError ? errorMessage(children.error, t) : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** Find a region by name inside the scope; picking one fills the whole cascade. */
function RegionQuickFind({ scope, onPick }: { scope: string; onPick: (code: string) => void }) {
  const t = useRegionsText();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const results = useRegionSearch(query, { within: scope, limit: 15 });
  const items = query.length >= 2 ? (results.data ?? []) : [];

  useEffect(() => {
    if (items.length > 0) combobox.selectFirstOption();
    // Only new results should move the highlight; the combobox store is a new object on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [results.data]);

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(code) => {
        onPick(code);
        setSearch('');
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target>
        <TextInput
          label={t('region.quickFind')}
          description={t('region.quickFindHint')}
          placeholder={t('region.quickFindPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={results.isFetching ? <Loader size="xs" aria-hidden /> : null}
          value={search}
          autoComplete="off"
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            combobox.openDropdown();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={query.length < 2}>
        <Combobox.Options mah={280} style={{ overflowY: 'auto' }}>
          {items.length > 0 ? (
            items.map((r) => (
              <Combobox.Option value={r.code} key={r.code}>
                <Text size="sm">{r.label}</Text>
                <Text size="xs" c="dimmed">
                  {t(`level.${r.level}`)} · {r.code}
                </Text>
              </Combobox.Option>
            ))
          ) : (
            <Combobox.Empty>{results.isFetching ? t('app.loading') : t('region.noMatch')}</Combobox.Empty>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
