// Fuzzing the readers: 10,000 generated malformed CSV and XLSX files (fixed seeds, so a failure is reproducible)
// through readTabular. Each is either read — every row as wide as the header, row numbers rising — or refused with a
// TabularError (a 4xx with a message for the operator); nothing else may come out: no other error, no crash.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { malformedCsv, malformedXlsx, type MalformedFile } from '../../testing/malformed-files.ts';
import { readTabular, TabularError, fileLimits } from './index.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lindung-fuzz-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const limits = fileLimits('imports', 'operator');
const outcomes = { read: 0, refused: 0 };
const codes = new Map<string, number>();

async function readOrRefuse(file: MalformedFile): Promise<boolean> {
  const path = join(dir, file.name);
  await writeFile(path, file.content);
  try {
    const { info, batches } = await readTabular(path, { limits });
    let last = info.headerRow;
    for await (const batch of batches) {
      for (const row of batch) {
        if (row.cells.length !== info.header.length || row.row <= last) return false;
        last = row.row;
      }
    }
    outcomes.read += 1;
    return true;
  } catch (err) {
    if (!(err instanceof TabularError)) throw err;
    outcomes.refused += 1;
    codes.set(err.code, (codes.get(err.code) ?? 0) + 1);
    return true;
  }
}

describe('readers under malformed input', { timeout: 180_000 }, () => {
  it('6,000 CSV files: read or refused with a TabularError', async () => {
    await fc.assert(fc.asyncProperty(malformedCsv, readOrRefuse), { seed: 20261207, numRuns: 6000 });
  });

  it('4,000 XLSX files: read or refused with a TabularError', async () => {
    await fc.assert(fc.asyncProperty(malformedXlsx, readOrRefuse), { seed: 13, numRuns: 4000 });
  });

  it('all 10,000 accounted for, both outcomes seen', () => {
    expect(outcomes.read + outcomes.refused).toBe(10_000);
    expect(outcomes.read).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
    expect([...codes.keys()]).toEqual(expect.arrayContaining(['FILE_EMPTY', 'FILE_UNREADABLE', 'FILE_TYPE']));
  });
});
