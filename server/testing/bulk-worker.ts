// A worker as the registry's bulk loaders take it, for tests: who, born when and living where, the rest unsaid.
import type { BulkWorker } from '../modules/registry/index.ts';

type Given = Pick<BulkWorker, 'nik' | 'full_name' | 'birth_date' | 'village_code'> & Partial<BulkWorker>;

/** A woman farmer (BPU), alive, with nothing else said, unless `fields` says it. */
export function bulkWorker(fields: Given): BulkWorker {
  return {
    birth_place: null,
    sex: 'P',
    address: null,
    rt: null,
    rw: null,
    phone: null,
    segment: 'farmer',
    category: 'BPU',
    monthly_income: null,
    vulnerability: [],
    kpj_number: null,
    life_status: 'alive',
    death_date: null,
    ...fields,
  };
}
