import { describe, expect, it } from 'vitest';
import {
  employerNameKey,
  judgeEmployer,
  judgementReason,
  lastDueMonth,
  projectMayStart,
  readNib,
  readNpwp,
} from './employers.ts';

describe('employer name key', () => {
  it('drops legal forms, punctuation, case and spaces', () => {
    expect(employerNameKey('PT. Maju Jaya, Tbk')).toBe('majujaya');
    expect(employerNameKey('MAJU  JAYA (PT)')).toBe('majujaya');
    expect(employerNameKey('CV Sinar-Abadi')).toBe('sinarabadi');
    expect(employerNameKey('UD. Sumber Rejeki')).toBe(employerNameKey('Sumber  Rejeki UD'));
  });
  it('keeps words that only start like a legal form', () => {
    expect(employerNameKey('Cvita Batik')).toBe('cvitabatik');
    expect(employerNameKey('Ptolemy')).toBe('ptolemy');
  });
});

describe('identifiers', () => {
  it('reads NIB and NPWP with separators', () => {
    expect(readNib('9120 0012 3456 7')).toBe('9120001234567');
    expect(readNib('12345')).toBeNull();
    expect(readNpwp('01.234.567.8-901.000')).toBe('012345678901000');
    expect(readNpwp('3402012345670001')).toBe('3402012345670001');
    expect(readNpwp('abc')).toBeNull();
  });
});

describe('employer status', () => {
  const asOf = '2026-07-10';
  const branch = (paidThrough: string | null, activeWorkers = 10, active = true) => ({
    snapshotAsOf: asOf,
    npp: '15070955',
    active,
    activeWorkers,
    paidThrough,
  });

  it('takes the 15th of the following month as the due day', () => {
    expect(lastDueMonth('2026-07-10')).toBe('2026-05-01');
    expect(lastDueMonth('2026-07-16')).toBe('2026-06-01');
    expect(lastDueMonth('2026-01-05')).toBe('2025-11-01');
  });

  it('judges each status', () => {
    expect(judgeEmployer(10, null)).toEqual({ status: 'not_registered', compliant: false, arrearsSince: null });
    expect(judgeEmployer(10, branch('2026-05-01'))).toEqual({ status: 'paying', compliant: true, arrearsSince: null });
    expect(judgeEmployer(10, branch('2026-03-01'))).toEqual({
      status: 'arrears',
      compliant: false,
      arrearsSince: '2026-04-01',
    });
    expect(judgeEmployer(25, branch('2026-06-01', 10)).status).toBe('partial');
    expect(judgeEmployer(null, branch('2026-06-01', 1)).status).toBe('paying');
    expect(judgeEmployer(5, branch('2026-06-01', 5, false)).status).toBe('arrears');
  });

  it('says why, in Indonesian and English', () => {
    const b = branch('2026-03-01');
    const j = judgeEmployer(10, b);
    expect(judgementReason(j, { reportedWorkers: 10, branch: b }, 'id')).toBe(
      'Menunggak iuran sejak April 2026 (NPP 15070955).',
    );
    expect(judgementReason(j, { reportedWorkers: 10, branch: b }, 'en')).toBe(
      'In arrears since April 2026 (NPP 15070955).',
    );
    const p = branch('2026-06-01', 4);
    expect(judgementReason(judgeEmployer(12, p), { reportedWorkers: 12, branch: p }, 'id')).toContain(
      '4 pekerja aktif',
    );
  });
});

describe('project start', () => {
  it('needs the certificate number and the payment date', () => {
    expect(projectMayStart({ certificateNumber: null, paidOn: null })).toBe(false);
    expect(projectMayStart({ certificateNumber: '2300001078094', paidOn: null })).toBe(false);
    expect(projectMayStart({ certificateNumber: '2300001078094', paidOn: '2026-07-01' })).toBe(true);
  });
});
