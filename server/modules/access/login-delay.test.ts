import { describe, expect, it } from 'vitest';
import { loginDelaySeconds, type AccessSettings } from './access.service.ts';

const settings: AccessSettings = {
  sessionTtlMinutes: 480,
  loginMaxFailures: 5,
  loginMaxDelaySeconds: 60,
  securityAlertEvents: 20,
  securityAlertMinutes: 15,
};

describe('loginDelaySeconds', () => {
  it('lets the first failures pass, then doubles the wait up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => loginDelaySeconds(n, settings))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11].map((n) => loginDelaySeconds(n, settings))).toEqual([1, 2, 4, 8, 16, 32, 60]);
    expect(loginDelaySeconds(10_000, settings)).toBe(60);
  });
});
