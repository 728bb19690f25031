// Line and bar charts that load on demand: recharts (behind @mantine/charts) is most of a dashboard's code, so a page
// shows its figures and tables first and draws its charts when their code arrives (a skeleton of the same height
// meanwhile). Import charts from here, never from @mantine/charts directly.
import type { BarChartProps, LineChartProps } from '@mantine/charts';
import { Skeleton } from '@mantine/core';
import { lazy, Suspense } from 'react';

const LazyLineChart = lazy(() => import('./charts-impl.ts').then((m) => ({ default: m.LineChart })));
const LazyBarChart = lazy(() => import('./charts-impl.ts').then((m) => ({ default: m.BarChart })));

const height = (h: unknown) => (typeof h === 'number' ? h : 240);

export function LineChart(props: LineChartProps) {
  return (
    <Suspense fallback={<Skeleton h={height(props.h)} />}>
      <LazyLineChart {...props} />
    </Suspense>
  );
}

export function BarChart(props: BarChartProps) {
  return (
    <Suspense fallback={<Skeleton h={height(props.h)} />}>
      <LazyBarChart {...props} />
    </Suspense>
  );
}
