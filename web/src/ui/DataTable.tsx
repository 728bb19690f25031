import { ActionIcon, Box, Center, Group, Loader, Pagination, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useId, useState, type ReactNode } from 'react';
import { useLocale, useT } from '../app/i18n.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { formatNumber } from './format.ts';
import { TableScroll } from './TableScroll.tsx';

export type Column<Row> = {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  width?: number | string;
  align?: 'left' | 'center' | 'right';
  /** Keep the cell on one line (codes, dates). */
  nowrap?: boolean;
  /** Left out entirely: the column says nothing to this reader (the village column to a village's operator). */
  hidden?: boolean;
  /** Shown only from this breakpoint up: a secondary column that phones and tablets drop instead of scrolling. */
  visibleFrom?: 'xs' | 'sm' | 'md' | 'lg';
};

type Props<Row> = {
  /** The table's accessible name. */
  label: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[] | undefined;
  rowKey: (row: Row) => string;
  /** Server-side paging; leave out `total` for a table without paging. */
  total?: number;
  /** `total` is where the server stopped counting: shown as "1.000+". */
  totalCapped?: boolean;
  page?: number;
  pageSize?: number;
  onPageChange?: (page: number) => void;
  loading?: boolean;
  /** A newer page is on its way while the previous one stays visible. */
  fetching?: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  /** Rows open to show more (e.g. the before/after of an audit entry). */
  renderExpanded?: (row: Row) => ReactNode;
  /** Below this width the table scrolls sideways instead of squeezing. */
  minWidth?: number;
};

/** The loading, refetching and error props of a DataTable fed by one TanStack query. */
export function queryState(query: {
  isPending: boolean;
  isPlaceholderData: boolean;
  error: unknown;
  refetch: () => unknown;
}): Pick<Props<never>, 'loading' | 'fetching' | 'error' | 'onRetry'> {
  return {
    loading: query.isPending,
    fetching: query.isPlaceholderData,
    error: query.error,
    onRetry: () => void query.refetch(),
  };
}

/** A plain, accessible table with server-side paging, loading, error and empty states. */
export function DataTable<Row>(props: Props<Row>) {
  const {
    label,
    columns: allColumns,
    rows,
    rowKey,
    total,
    page = 1,
    pageSize = 25,
    onPageChange,
    loading,
    fetching,
    error,
    onRetry,
  } = props;
  const t = useT();
  const [locale] = useLocale();
  const baseId = useId();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const columns = allColumns.filter((c) => !c.hidden);

  if (error && !rows) return <ErrorAlert error={error} onRetry={onRetry} />;
  if (loading && !rows) {
    return (
      <Center py="xl" role="status">
        <Group gap="sm">
          <Loader size="sm" aria-hidden />
          <Text size="sm">{t('ui.loading')}</Text>
        </Group>
      </Center>
    );
  }
  if (!rows || rows.length === 0) return <>{props.empty}</>;

  const expandable = Boolean(props.renderExpanded);
  const toggle = (key: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const pages = total !== undefined ? Math.max(1, Math.ceil(total / pageSize)) : 1;
  const from = total ? (page - 1) * pageSize + 1 : 0;
  const to = total !== undefined ? Math.min(total, (page - 1) * pageSize + rows.length) : rows.length;

  return (
    <Box>
      {error ? (
        <Box mb="sm">
          <ErrorAlert error={error} onRetry={onRetry} />
        </Box>
      ) : null}
      <TableScroll label={label} minWidth={props.minWidth ?? 640}>
        <Table
          aria-label={label}
          aria-busy={fetching || undefined}
          striped
          highlightOnHover
          verticalSpacing="sm"
          style={{ opacity: fetching ? 0.6 : 1, transition: 'opacity 120ms' }}
        >
          <Table.Thead>
            <Table.Tr>
              {expandable && (
                <Table.Th w={48}>
                  <VisuallyHidden>{t('ui.expand')}</VisuallyHidden>
                </Table.Th>
              )}
              {columns.map((c) => (
                <Table.Th
                  key={c.key}
                  scope="col"
                  w={c.width}
                  ta={c.align}
                  visibleFrom={c.visibleFrom}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const key = rowKey(row);
              const isOpen = open.has(key);
              const detailId = `${baseId}-${key}`;
              return (
                <Fragment key={key}>
                  <Table.Tr>
                    {expandable && (
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          onClick={() => toggle(key)}
                          aria-expanded={isOpen}
                          aria-controls={isOpen ? detailId : undefined}
                          aria-label={isOpen ? t('ui.collapse') : t('ui.expand')}
                        >
                          {isOpen ? (
                            <IconChevronDown size={18} aria-hidden />
                          ) : (
                            <IconChevronRight size={18} aria-hidden />
                          )}
                        </ActionIcon>
                      </Table.Td>
                    )}
                    {columns.map((c) => (
                      <Table.Td
                        key={c.key}
                        ta={c.align}
                        visibleFrom={c.visibleFrom}
                        style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}
                      >
                        {c.cell(row)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                  {expandable && isOpen && (
                    <Table.Tr id={detailId}>
                      <Table.Td colSpan={columns.length + 1} bg="var(--mantine-color-gray-0)">
                        {props.renderExpanded?.(row)}
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {total !== undefined && (
        <Group justify="space-between" mt="md" gap="sm" wrap="wrap">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('ui.showing', {
              from: formatNumber(from, locale),
              to: formatNumber(to, locale),
              total: `${formatNumber(total, locale)}${props.totalCapped ? '+' : ''}`,
            })}
          </Text>
          {pages > 1 && onPageChange && (
            <nav aria-label={t('ui.pagination')}>
              <Pagination
                total={pages}
                value={page}
                onChange={onPageChange}
                siblings={1}
                boundaries={1}
                withEdges={pages > 5}
                getItemProps={(p) => ({
                  'aria-label': t('ui.page', { page: p }),
                  'aria-current': p === page ? 'page' : undefined,
                })}
                getControlProps={(control) => ({
                  'aria-label': t(
                    control === 'first'
                      ? 'ui.firstPage'
                      : control === 'last'
                        ? 'ui.lastPage'
                        : control === 'previous'
                          ? 'ui.prevPage'
                          : 'ui.nextPage',
                  ),
                })}
              />
            </nav>
          )}
        </Group>
      )}
    </Box>
  );
}
