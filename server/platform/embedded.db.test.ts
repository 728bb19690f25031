import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startLindung, stopLindung } from '../testing/run-cli.ts';

// The default database: PostgreSQL from npm, started and stopped by Lindung itself under LINDUNG_DATA_DIR.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-embedded-'));
const env = { LINDUNG_DATA_DIR: dataDir };

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('embedded PostgreSQL', () => {
  it('initialises on first use, migrates, loads the regions and prints their counts', async () => {
    const r = await runCli(['regions', 'stats', '--json'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ provinces: 38, regencies: 514, districts: 7277, villages: 83763 });
    const state = JSON.parse(fs.readFileSync(path.join(dataDir, 'embedded-postgres.json'), 'utf8'));
    expect(state.port).not.toBe(5432);
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
  });

  it('keeps data across restarts', async () => {
    const args = [
      'users',
      'add',
      '--username',
      'admin.tetap',
      '--password',
      'kata-sandi-tetap',
      '--role',
      'admin',
      '--region',
      '34.02',
    ];
    const first = await runCli(args, env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Pengguna admin.tetap (admin, Kab. Bantul) dibuat.');
    const again = await runCli(args, env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Nama pengguna admin.tetap sudah dipakai');
  });

  it('refuses a second Lindung on the same data directory, and shuts down cleanly on SIGTERM', async () => {
    const { child } = await startLindung(['--no-demo'], { ...env, PORT: '0' });
    try {
      const second = await runCli(['regions', 'stats', '--json'], env);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/sedang dipakai oleh Lindung lain \(PID \d+\)/);
    } finally {
      expect(await stopLindung(child, 'SIGTERM')).toBe(0);
    }
    expect(fs.existsSync(path.join(dataDir, 'lindung.lock'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    const after = await runCli(['regions', 'stats', '--json'], env);
    expect(after.code).toBe(0);
  });

  it('rejects invalid CLI input with a clear message and writes nothing', async () => {
    const r = await runCli(
      ['users', 'add', '--username', 'x', '--password', 'pendek', '--role', 'raja', '--region', '34.02'],
      env,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--username');
    expect(r.stderr).toContain('--password');
    expect(r.stderr).toContain('--role');
  });
});
