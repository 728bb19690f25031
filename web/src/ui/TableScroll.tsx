import { Table, Text } from '@mantine/core';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useT } from '../app/i18n.ts';

type Props = {
  /** The table's name, for the scroll region ("Daftar pekerja (dapat digeser …)"). */
  label: string;
  /** Below this width the table scrolls sideways instead of squeezing. */
  minWidth: number;
  children: ReactNode;
};

/**
 * A table's sideways scroll region. When the table is wider than the screen, it says so in words above the table,
 * and the region takes keyboard focus (tabIndex 0, named) so the arrow keys scroll it (WCAG 2.1.1); a table that
 * fits adds no tab stop.
 */
export function TableScroll({ label, minWidth, children }: Props) {
  const st = useT();
  const ref = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const [overflows, setOverflows] = useState(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    // The table can outgrow its frame without the frame changing size (rows arriving, fonts loading): watch both.
    observer.observe(el);
    const table = el.querySelector('table');
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, []);

  return (
    <>
      {overflows && (
        <Text size="xs" c="dimmed" mb={4} id={hintId}>
          {st('scroll.hint')}
        </Text>
      )}
      <Table.ScrollContainer
        ref={ref}
        minWidth={minWidth}
        type="native"
        className="table-scroll"
        tabIndex={overflows ? 0 : undefined}
        role={overflows ? 'region' : undefined}
        aria-label={overflows ? st('scroll.region', { label }) : undefined}
        aria-describedby={overflows ? hintId : undefined}
      >
        {children}
      </Table.ScrollContainer>
    </>
  );
}
