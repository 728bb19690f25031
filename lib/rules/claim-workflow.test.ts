import { describe, expect, it } from 'vitest';
import {
  CLAIM_ACTIONS,
  CLAIM_STAGES,
  addWorkingDays,
  checklist,
  isWorkingDay,
  nextStage,
  possibleActions,
  sniffDocumentType,
} from './claim-workflow.ts';

describe('the claim state machine', () => {
  it('allows exactly the documented order', () => {
    const allowed = CLAIM_STAGES.flatMap((s) =>
      CLAIM_ACTIONS.filter((a) => nextStage(s, a) !== null).map((a) => `${s}-${a}->${nextStage(s, a)}`),
    );
    expect(allowed).toEqual([
      'reported-complete->complete',
      'complete-hand->handed',
      'complete-return->returned',
      'handed-return->returned',
      'handed-pay->paid',
      'handed-reject->rejected',
      'returned-complete->complete',
      'paid-close->closed',
      'rejected-close->closed',
    ]);
  });

  it('offers the decision to BPJS and the hand-over to the operator', () => {
    expect(possibleActions('handed', 'bpjs')).toEqual(['return', 'pay', 'reject']);
    expect(possibleActions('handed', 'operator')).toEqual(['return']);
    expect(possibleActions('complete', 'operator')).toEqual(['hand', 'return']);
    expect(possibleActions('closed', 'admin')).toEqual([]);
  });
});

describe('the document checklist', () => {
  it('asks JKK accidents for the accident reports, wage earners for the work reference, big payouts for the NPWP', () => {
    const jkk = checklist({ type: 'jkk', outcome: 'treatment', category: 'PU', estimateTotal: 60_000_000 });
    const required = jkk.filter((i) => i.required).map((i) => i.item);
    expect(required).toEqual([
      'kpj_card',
      'ktp_participant',
      'accident_report_1',
      'accident_report_2',
      'chronology_witnesses',
      'medical_certificate',
      'bank_book',
      'work_reference',
      'npwp',
    ]);
    expect(required).not.toContain('death_certificate');
    const death = checklist({ type: 'jkk', outcome: 'death', category: 'BPU', estimateTotal: 70_000_000 });
    expect(death.filter((i) => i.required).map((i) => i.item)).toContain('heir_statement');
    const jkm = checklist({ type: 'jkm', outcome: null, category: 'BPU', estimateTotal: 42_000_000 });
    expect(jkm.find((i) => i.item === 'npwp')).toBeUndefined();
  });
});

describe('file types from the bytes', () => {
  it('knows PDF, JPEG and PNG by their magic numbers and nothing else', () => {
    expect(sniffDocumentType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffDocumentType(Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0]))).toBe('image/jpeg');
    expect(sniffDocumentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffDocumentType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffDocumentType(Buffer.from('<html>%PDF-'))).toBeNull();
    expect(sniffDocumentType(Buffer.from([]))).toBeNull();
  });
});

describe('the working-day clock', () => {
  it('skips weekends and holidays, and the start day does not count', () => {
    // 2026-07-13 is a Monday.
    expect(addWorkingDays('2026-07-13', 3, new Set())).toBe('2026-07-16');
    expect(addWorkingDays('2026-07-16', 3, new Set())).toBe('2026-07-21'); // Thu → Fri, Mon, Tue
    expect(addWorkingDays('2026-07-13', 3, new Set(['2026-07-14']))).toBe('2026-07-17');
    expect(addWorkingDays('2026-07-18', 1, new Set())).toBe('2026-07-20'); // from a Saturday
    expect(isWorkingDay('2026-07-19', new Set())).toBe(false);
  });
});
