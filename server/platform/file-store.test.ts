// The platform file store: the data-directory default, the S3-compatible backend against a small in-process
// S3-compatible HTTP server (a stand-in for the external object store, which checks the Signature Version 4
// headers of every request and keeps the objects), the signer against AWS's published example, and the
// configuration that selects the backend.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { fileStore, signV4, type S3Config } from './file-store.ts';

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const SECRET = 'stand-in-secret';

/** What the stand-in saw: each request's method, path and whether its signature checked out. */
const seen: { method: string; path: string; signed: boolean }[] = [];
const objects = new Map<string, Buffer>();
let server: Server;
let s3: S3Config;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const auth = String(req.headers.authorization ?? '');
      const date = String(req.headers['x-amz-date'] ?? '');
      const hash = String(req.headers['x-amz-content-sha256'] ?? '');
      // The stand-in recomputes the signature from what arrived, with the secret it shares with the client.
      const expected = signV4({
        method: req.method!,
        host: req.headers.host!,
        path: req.url!,
        payloadHash: sha256(body),
        amzDate: date,
        region: 'id-jkt-1',
        accessKeyId: 'LINDUNGTEST',
        secretAccessKey: SECRET,
      }).authorization;
      const signed =
        /^\d{8}T\d{6}Z$/.test(date) &&
        hash === sha256(body) &&
        auth.startsWith('AWS4-HMAC-SHA256 ') &&
        auth === expected;
      seen.push({ method: req.method!, path: req.url!, signed });
      if (!signed) return res.writeHead(403).end('SignatureDoesNotMatch');
      if (req.method === 'PUT') {
        objects.set(req.url!, body);
        return res.writeHead(200).end();
      }
      if (req.method === 'DELETE') {
        objects.delete(req.url!);
        return res.writeHead(204).end();
      }
      const found = objects.get(req.url!);
      return found ? res.writeHead(200).end(found) : res.writeHead(404).end('NoSuchKey');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  s3 = {
    endpoint: `http://127.0.0.1:${port}`,
    bucket: 'lindung-files',
    region: 'id-jkt-1',
    accessKeyId: 'LINDUNGTEST',
    secretAccessKey: SECRET,
    prefix: 'bantul/',
  };
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('Signature Version 4', () => {
  it("gives AWS's published signature for its GET Object example", () => {
    const headers = signV4({
      method: 'GET',
      host: 'examplebucket.s3.amazonaws.com',
      path: '/test.txt',
      payloadHash: sha256(''),
      amzDate: '20130524T000000Z',
      region: 'us-east-1',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      headers: { range: 'bytes=0-9' },
    });
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });
});

describe('the S3-compatible backend', () => {
  it('puts, reads, streams and removes objects with signed requests, under bucket, prefix and folder', async () => {
    const store = fileStore({ dataDir: '/nonexistent', s3 }, 'claim-documents');
    const bytes = Buffer.from('%PDF-1.4\n% akta kematian\n%%EOF\n');
    const key = await store.put('12', bytes);
    expect(key).toMatch(/^12\/[0-9a-f-]{36}$/);
    const objectPath = `/lindung-files/bantul/claim-documents/${key}`;
    expect(objects.get(objectPath)).toEqual(bytes);
    expect(await store.read(key)).toEqual(bytes);
    expect(await text(store.open(key))).toBe(bytes.toString());
    await store.remove(key);
    expect(objects.has(objectPath)).toBe(false);
    await expect(store.read(key)).rejects.toThrow(/HTTP 404/);
    expect(seen.map((s) => [s.method, s.signed])).toEqual([
      ['PUT', true],
      ['GET', true],
      ['GET', true],
      ['DELETE', true],
      ['GET', true],
    ]);
  });

  it('fails loudly on a refused signature and on a missing object while streaming', async () => {
    const wrong = fileStore({ dataDir: '/nonexistent', s3: { ...s3, secretAccessKey: 'not-the-secret' } }, 'x');
    await expect(wrong.put('1', Buffer.from('a'))).rejects.toThrow(/HTTP 403/);
    const store = fileStore({ dataDir: '/nonexistent', s3 }, 'claim-documents');
    await expect(text(store.open('1/00000000-0000-4000-8000-000000000000'))).rejects.toThrow(/HTTP 404/);
    expect(() => store.open('../etc/passwd')).toThrow(/bad file key/);
  });
});

describe('the data-directory backend (the default)', () => {
  it('keeps the bytes under <data dir>/<folder>/<owner>/<uuid>', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lindung-files-'));
    try {
      const store = fileStore(dir, 'claim-documents');
      const key = await store.put('7', Buffer.from('isi'));
      expect(await readFile(path.join(dir, 'claim-documents', key), 'utf8')).toBe('isi');
      expect(await text(store.open(key))).toBe('isi');
      await store.remove(key);
      await expect(store.read(key)).rejects.toThrow(/ENOENT/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('configuration', () => {
  it('selects the data directory by default and the bucket when LINDUNG_FILE_STORE=s3 has its settings', () => {
    expect(loadConfig({}).files.s3).toBeNull();
    expect(() => loadConfig({ LINDUNG_FILE_STORE: 's3', LINDUNG_S3_BUCKET: 'b' })).toThrow(/LINDUNG_S3_ENDPOINT/);
    const c = loadConfig({
      LINDUNG_FILE_STORE: 's3',
      LINDUNG_S3_ENDPOINT: 'https://objects.example.id',
      LINDUNG_S3_BUCKET: 'lindung-files',
      LINDUNG_S3_ACCESS_KEY_ID: 'AK',
      LINDUNG_S3_SECRET_ACCESS_KEY: 'SK',
      LINDUNG_S3_PREFIX: 'bantul/',
    });
    expect(c.files.s3).toMatchObject({ bucket: 'lindung-files', region: 'us-east-1', prefix: 'bantul/' });
  });
});
