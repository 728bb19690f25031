import { describe, expect, it } from 'vitest';
import { progressOf } from './imports.service.ts';

// What the progress bar shows while a job runs: percent by phase, rows per second and time left.

const startedAgo = (seconds: number) => new Date(Date.now() - seconds * 1000);

describe('import progress', () => {
  it('reading: percent of the estimated rows within the first 80 %, with rate and time left', () => {
    const p = progressOf({
      status: 'running',
      phase: 'reading',
      rows_done: '50000',
      rows_estimated: '100000',
      started_at: startedAgo(10),
    });
    expect(p.percent).toBe(40);
    expect(p.rowsPerSecond).toBeGreaterThan(4500);
    expect(p.rowsPerSecond).toBeLessThan(5100);
    // 50,000 rows left at ~5,000 rows/s, plus a quarter of the file's time for the set-based steps.
    expect(p.secondsLeft).toBeGreaterThanOrEqual(14);
    expect(p.secondsLeft).toBeLessThanOrEqual(16);
  });

  it('later phases and the end', () => {
    expect(
      progressOf({
        status: 'running',
        phase: 'checking',
        rows_done: '100000',
        rows_estimated: '100000',
        started_at: startedAgo(20),
      }).percent,
    ).toBe(80);
    expect(
      progressOf({
        status: 'running',
        phase: 'writing',
        rows_done: '100000',
        rows_estimated: '100000',
        started_at: startedAgo(20),
      }).percent,
    ).toBe(90);
    const done = progressOf({
      status: 'validated',
      phase: 'done',
      rows_done: '100000',
      rows_estimated: '100000',
      started_at: startedAgo(30),
    });
    expect(done).toMatchObject({ percent: 100, rowsPerSecond: null, secondsLeft: null });
  });

  it('an XLSX without an estimate shows the rows read, not a made-up percent', () => {
    const p = progressOf({
      status: 'running',
      phase: 'reading',
      rows_done: '1200',
      rows_estimated: null,
      started_at: startedAgo(2),
    });
    expect(p).toMatchObject({ percent: 0, rowsDone: 1200, rowsEstimated: null, secondsLeft: null });
  });
});
