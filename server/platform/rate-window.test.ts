import { describe, expect, it } from 'vitest';
import { RateWindow } from './rate-window.ts';

describe('RateWindow', () => {
  it('counts events per key within the window and forgets them after it', () => {
    const w = new RateWindow(2, 60_000);
    expect(w.exhausted('u1', 0)).toBe(false);
    w.hit('u1', 0);
    w.hit('u1', 10_000);
    expect(w.exhausted('u1', 20_000)).toBe(true);
    expect(w.exhausted('u2', 20_000)).toBe(false);
    expect(w.exhausted('u1', 60_001)).toBe(false); // the first event left the window
    expect(w.exhausted('u1', 70_001)).toBe(false);
  });
});
