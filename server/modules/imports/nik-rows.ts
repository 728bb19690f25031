// The first row of each NIK in a file, for the in-file duplicate check of a million-row import. A Map of a million
// string keys lives on the V8 heap, where every major garbage collection walks it again (with the CLI's 384 MB heap
// that cost ~4 s of a million-row import); here the NIKs are two 8-digit numbers in typed arrays, off the heap.
import { digitsAt } from '../../../lib/rules/nik.ts';

/** NIK (16 digits) → a row number (≥ 1), open addressing with linear probing; grows by doubling at half full. */
export class NikRows {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private rows: Int32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1 << 14) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.rows = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  private slot(hi: number, lo: number): number {
    let i = (Math.imul(hi, 0x9e3779b1) ^ Math.imul(lo, 0x85ebca77)) & this.mask;
    while (this.rows[i] !== 0 && (this.hi[i] !== hi || this.lo[i] !== lo)) i = (i + 1) & this.mask;
    return i;
  }

  /** The row stored for this NIK, or undefined. `nik` must be 16 digits. */
  get(nik: string): number | undefined {
    const i = this.slot(digitsAt(nik, 0, 8), digitsAt(nik, 8, 16));
    return this.rows[i] === 0 ? undefined : this.rows[i];
  }

  /** Stores the row (≥ 1) of a NIK not stored yet. */
  set(nik: string, row: number): void {
    if (row < 1) throw new RangeError('row numbers start at 1');
    if ((this.count + 1) * 2 > this.rows.length) this.grow();
    const hi = digitsAt(nik, 0, 8);
    const lo = digitsAt(nik, 8, 16);
    const i = this.slot(hi, lo);
    if (this.rows[i] === 0) this.count++;
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.rows[i] = row;
  }

  private grow(): void {
    const { hi, lo, rows } = this;
    const capacity = rows.length * 2;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.rows = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let j = 0; j < rows.length; j++) {
      if (rows[j] === 0) continue;
      const i = this.slot(hi[j]!, lo[j]!);
      this.hi[i] = hi[j]!;
      this.lo[i] = lo[j]!;
      this.rows[i] = rows[j]!;
    }
  }
}
