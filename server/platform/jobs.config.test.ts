import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';

describe('background job settings', () => {
  it('run jobs in the server by default; LINDUNG_JOBS=off leaves them to `lindung worker`; a bad value is refused', () => {
    const plain = loadConfig({});
    expect(plain.jobs).toBe('on');
    expect(plain.jobLeaseSeconds).toBe(60);
    const off = loadConfig({ LINDUNG_JOBS: 'off', LINDUNG_JOB_LEASE_SECONDS: '5' });
    expect([off.jobs, off.jobLeaseSeconds]).toEqual(['off', 5]);
    expect(() => loadConfig({ LINDUNG_JOBS: 'no' })).toThrow(/LINDUNG_JOBS/);
    expect(() => loadConfig({ LINDUNG_JOB_LEASE_SECONDS: '0' })).toThrow(/LINDUNG_JOB_LEASE_SECONDS/);
  });
});
