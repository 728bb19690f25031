import { describe, expect, it, vi } from 'vitest';
import { todayWib } from '../rules/eligibility.ts';
import { isoDate, isoMonth, pastDate } from './common.ts';
import { workerCreate } from './workers.ts';
import { paymentCreate } from './billing.ts';
import { auditQuery } from './access.ts';
import { snapshotUploadQuery } from './exchange.ts';
import { reportMonth } from './reports.ts';
import { costRequest } from './contributions.ts';

describe('the one date and month schema', () => {
  it('takes calendar dates from 1900 to 2100 only', () => {
    for (const ok of ['1900-01-01', '1985-09-05', '2024-02-29', '2100-12-31'])
      expect(isoDate.safeParse(ok).success).toBe(true);
    for (const bad of ['0000-01-01', '1899-12-31', '2101-01-01', '9999-12-31', '2023-02-29', '2026-13-01', '2026-1-1'])
      expect(isoDate.safeParse(bad).success, bad).toBe(false);
    expect(isoDate.safeParse('0000-01-01').error?.issues[0]?.message).toBe('tahun harus antara 1900 dan 2100');
  });

  it('takes months from 1900-01 to 2100-12 only', () => {
    for (const ok of ['1900-01', '2026-03', '2100-12']) expect(isoMonth.safeParse(ok).success).toBe(true);
    for (const bad of ['0000-01', '1899-12', '2101-01', '2026-13', '2026-00'])
      expect(isoMonth.safeParse(bad).success, bad).toBe(false);
  });

  it('refuses a date after today (WIB) where the date must have happened', () => {
    // 31 Dec 2026, 18:00 UTC = 1 Jan 2027, 01:00 WIB: the Jakarta date decides.
    vi.useFakeTimers({ now: new Date('2026-12-31T18:00:00Z') });
    try {
      const past = pastDate('tidak boleh di masa depan');
      expect(todayWib()).toBe('2027-01-01');
      expect(past.safeParse('2027-01-01').success).toBe(true);
      expect(past.safeParse('2027-01-02').error?.issues[0]?.message).toBe('tidak boleh di masa depan');
    } finally {
      vi.useRealTimers();
    }
  });

  it('is the schema of the date and month fields of the contracts', () => {
    const worker = {
      nik: '3402084509850005',
      fullName: 'Siti',
      birthDate: '0000-01-01',
      sex: 'P',
      village: '34.02.08.2004',
    };
    expect(workerCreate.safeParse(worker).success).toBe(false);
    expect(paymentCreate.safeParse({ paidOn: '0000-01-01', amount: 1, reference: 'SP2D-1' }).success).toBe(false);
    expect(auditQuery.safeParse({ to: '2101-01-01' }).success).toBe(false);
    expect(snapshotUploadQuery.safeParse({ asOf: '0000-01-01' }).success).toBe(false);
    expect(reportMonth.safeParse('0000-01').success).toBe(false);
    expect(costRequest.shape.startMonth.safeParse('0000-01').success).toBe(false);
  });
});
