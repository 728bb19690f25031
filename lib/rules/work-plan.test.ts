import { describe, expect, it } from 'vitest';
import { elapsedShare, standing, trend } from './work-plan.ts';

const base = { start: '2026-01-01', due: '2026-12-31', target: 300 };

describe('work-plan item standing', () => {
  it('is done at the target, late past the due date without it', () => {
    expect(standing({ ...base, value: 300, today: '2027-02-01' })).toBe('done');
    expect(standing({ ...base, value: 299, today: '2027-01-01' })).toBe('late');
  });

  it('compares the value with the share expected by today, with the 70 % cut-off', () => {
    const today = '2026-07-02'; // half of the year
    expect(elapsedShare(base.start, base.due, today)).toBeCloseTo(0.5, 2);
    expect(standing({ ...base, value: 151, today })).toBe('on_track');
    expect(standing({ ...base, value: 110, today })).toBe('at_risk');
    expect(standing({ ...base, value: 100, today })).toBe('behind');
  });

  it('points the trend arrow against the previous computation', () => {
    expect(trend(5, 3)).toBe('up');
    expect(trend(3, 5)).toBe('down');
    expect(trend(3, 3)).toBe('flat');
    expect(trend(3, null)).toBeNull();
  });
});
