// Uploaded files of a module (claim documents, signed instruments, assessment evidence): never in the database,
// which keeps their SHA-256, size and name and the key `<owner id>/<uuid>` this store returns. Two backends, chosen
// by configuration (docs/operations.md, "Where uploaded files live"):
// - the data directory (default): <data dir>/<folder>/<owner id>/<uuid>, written to a temporary name and renamed,
//   so a half-written file is never served; directories 0700, files 0600;
// - an S3-compatible object store (LINDUNG_FILE_STORE=s3): objects <prefix><folder>/<owner id>/<uuid> in one
//   bucket, path-style requests signed with AWS Signature Version 4 (node:crypto and fetch; no SDK). A PUT is whole
//   or absent, so the same promise holds.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';

export type FileStore = {
  /** Stores the bytes; returns the key to keep in the database (`<ownerId>/<uuid>`). */
  put(ownerId: string, bytes: Buffer): Promise<string>;
  /** The file as a stream (an S3 read starts at once; its failure ends the stream with the error). */
  open(key: string): Readable;
  /** The whole file (for packing it into an export). */
  read(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
};

/** An S3-compatible bucket (AWS S3, MinIO, Ceph, Wasabi, …), addressed path-style: `<endpoint>/<bucket>/<key>`. */
export type S3Config = {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Prepended to every object name, e.g. `lindung/`. */
  prefix: string;
};

/** Where uploaded files live: the data directory, or a bucket when `s3` is set. */
export type FileStoreConfig = { dataDir: string; s3: S3Config | null };

const KEY = /^\d+\/[0-9a-f-]{36}$/;
const FOLDER = /^[a-z][a-z0-9-]*$/;

function checkedKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`bad file key ${key}`);
  return key;
}

function newKey(ownerId: string): string {
  if (!/^\d+$/.test(ownerId)) throw new Error(`bad owner id ${ownerId}`);
  return `${ownerId}/${randomUUID()}`;
}

/** The store of `folder` (one per module and kind of file), in the data directory or the configured bucket. */
export function fileStore(where: string | FileStoreConfig, folder: string): FileStore {
  if (!FOLDER.test(folder)) throw new Error(`bad store folder ${folder}`);
  const config = typeof where === 'string' ? { dataDir: where, s3: null } : where;
  return config.s3 ? s3Store(config.s3, folder) : directoryStore(config.dataDir, folder);
}

function directoryStore(dataDir: string, folder: string): FileStore {
  const root = path.join(dataDir, folder);
  const full = (key: string) => path.join(root, checkedKey(key));
  return {
    async put(ownerId, bytes) {
      const key = newKey(ownerId);
      const target = full(key);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const temp = `${target}.part`;
      await writeFile(temp, bytes, { mode: 0o600 });
      await rename(temp, target);
      return key;
    },
    open: (key) => createReadStream(full(key)),
    read: (key) => readFile(full(key)),
    remove: (key) => rm(full(key), { force: true }),
  };
}

// ── S3-compatible backend ────────────────────────────────────────────────────────────────────────────────────────

const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
/** RFC 3986 encoding of one path segment, as Signature Version 4 wants it. */
const encodeSegment = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export type SignInput = {
  method: string;
  host: string;
  /** The request path, already encoded (e.g. `/bucket/claim-documents/12/uuid`). */
  path: string;
  /** Hex SHA-256 of the body (of '' for a GET or DELETE). */
  payloadHash: string;
  /** `YYYYMMDDTHHMMSSZ` */
  amzDate: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Further headers to sign (lower-case names), e.g. `{ range: 'bytes=0-9' }`. */
  headers?: Record<string, string>;
};

/**
 * AWS Signature Version 4 for an S3 request without a query string: the headers to send (host excepted; fetch sets
 * it from the URL) including `authorization`. Pure, so it is checked against AWS's published example.
 */
export function signV4(s: SignInput): Record<string, string> {
  const headers: Record<string, string> = {
    host: s.host,
    ...s.headers,
    'x-amz-content-sha256': s.payloadHash,
    'x-amz-date': s.amzDate,
  };
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => `${n}:${headers[n]!.trim()}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [s.method, s.path, '', canonicalHeaders, signedHeaders, s.payloadHash].join('\n');
  const day = s.amzDate.slice(0, 8);
  const scope = `${day}/${s.region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', s.amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${s.secretAccessKey}`, day), s.region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  const { host: _host, ...sent } = headers;
  return {
    ...sent,
    authorization: `AWS4-HMAC-SHA256 Credential=${s.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}

function s3Store(c: S3Config, folder: string): FileStore {
  const base = new URL(c.endpoint);
  const objectPath = (key: string) =>
    `/${[c.bucket, ...`${c.prefix}${folder}/${checkedKey(key)}`.split('/')].map(encodeSegment).join('/')}`;
  const request = async (method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Buffer) => {
    const p = `${base.pathname.replace(/\/$/, '')}${objectPath(key)}`;
    const amzDate = new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    const headers = signV4({
      method,
      host: base.host,
      path: p,
      payloadHash: sha256Hex(body ?? ''),
      amzDate,
      region: c.region,
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
    });
    const res = await fetch(new URL(p, base), { method, headers, ...(body && { body: new Uint8Array(body) }) });
    if (!res.ok && !(method === 'DELETE' && res.status === 404)) {
      await res.body?.cancel();
      throw new Error(`object store ${method} ${folder}/${key}: HTTP ${res.status}`);
    }
    return res;
  };
  return {
    async put(ownerId, bytes) {
      const key = newKey(ownerId);
      await (await request('PUT', key, bytes)).body?.cancel();
      return key;
    },
    open(key) {
      const out = new PassThrough();
      request('GET', checkedKey(key)).then(
        (res) => (res.body ? Readable.fromWeb(res.body as never).pipe(out) : out.end()),
        (err: unknown) => out.destroy(err as Error),
      );
      return out;
    },
    read: async (key) => Buffer.from(await (await request('GET', key)).arrayBuffer()),
    async remove(key) {
      await (await request('DELETE', key)).body?.cancel();
    },
  };
}

/** True when the bytes are a PDF (its magic number), whatever the name says. */
export function isPdf(bytes: Buffer): boolean {
  return bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-';
}
