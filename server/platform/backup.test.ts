import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFileName, hasRecentBackup, pruneBackups } from './backup.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function folderWith(files: { name: string; ageDays: number }[], now: Date): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-backups-'));
  dirs.push(dir);
  for (const f of files) {
    const full = path.join(dir, f.name);
    fs.writeFileSync(full, 'x');
    const at = new Date(now.getTime() - f.ageDays * 86_400_000);
    fs.utimesSync(full, at, at);
  }
  return dir;
}

describe('daily backups', () => {
  const now = new Date('2026-12-07T02:00:00Z');

  it('names a backup by its UTC time', () => {
    expect(backupFileName(now)).toBe('lindung-20261207-020000.backup.gz');
  });

  it('keeps BACKUP_KEEP_DAYS days of backups and never touches other files', () => {
    const dir = folderWith(
      [
        { name: 'lindung-20261120-020000.backup.gz', ageDays: 17 },
        { name: 'lindung-20261124-020000.backup.gz', ageDays: 13 },
        { name: 'lindung-20261101-020000.backup.gz.partial', ageDays: 36 },
        { name: 'catatan.txt', ageDays: 100 },
      ],
      now,
    );
    expect(pruneBackups(dir, 14, now).sort()).toEqual([
      'lindung-20261101-020000.backup.gz.partial',
      'lindung-20261120-020000.backup.gz',
    ]);
    expect(fs.readdirSync(dir).sort()).toEqual(['catatan.txt', 'lindung-20261124-020000.backup.gz']);
  });

  it('writes no second backup within a day', () => {
    expect(hasRecentBackup(folderWith([{ name: 'lindung-20261206-030000.backup.gz', ageDays: 0.96 }], now), now)).toBe(
      true,
    );
    expect(hasRecentBackup(folderWith([{ name: 'lindung-20261206-000000.backup.gz', ageDays: 1.1 }], now), now)).toBe(
      false,
    );
    expect(hasRecentBackup(path.join(os.tmpdir(), 'lindung-no-such-dir'), now)).toBe(false);
  });
});
