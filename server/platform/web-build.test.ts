import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createHttpServer, serveWeb, type App } from './http.ts';
import { createLogger } from './logger.ts';
import {
  addMissingBrotli,
  BUILD_STAMP,
  buildDecision,
  cacheControlFor,
  finishBuild,
  IMMUTABLE,
  pickEncoding,
  servable,
  webSourceHash,
} from './web-build.ts';

// The web build is reused only while it was made from exactly the current sources, and it is served compressed,
// hashed assets cached for good, everything else revalidated, source maps and the stamp never.

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-web-build-'));
const root = path.join(tmp, 'repo');
const out = path.join(root, 'dist/web');
const big = `console.log(${JSON.stringify('Lindung '.repeat(400))});\n`;

function write(rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

beforeAll(async () => {
  write('web/index.html', '<div id="root"></div>');
  write('web/src/main.tsx', 'export {};');
  write('lib/rules/x.ts', 'export const x = 1;');
  write('package-lock.json', '{}');
  write(
    'dist/web/index.html',
    `<!doctype html><script src="/assets/index-AbCd1234.js"></script>${'<!-- -->'.repeat(200)}`,
  );
  write('dist/web/assets/index-AbCd1234.js', big);
  write('dist/web/assets/index-AbCd1234.js.map', '{}');
  write('dist/web/assets/tiny-AbCd1234.js', 'export{};');
  write('dist/web/sw.js', 'self.addEventListener("fetch", () => {});');
  await finishBuild(out, webSourceHash(root));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('build reuse', () => {
  it('reuses a stamped build of the same sources and rebuilds after any change to them', () => {
    const hash = webSourceHash(root);
    expect(buildDecision(out, hash)).toEqual({ reuse: true });
    write('lib/rules/x.ts', 'export const x = 2;');
    const changed = webSourceHash(root);
    expect(changed).not.toBe(hash);
    expect(buildDecision(out, changed)).toEqual({ reuse: false, reason: 'sources-changed' });
    write('lib/rules/x.ts', 'export const x = 1;');
    expect(webSourceHash(root)).toBe(hash);
    // The build output itself is no input: building does not make the build stale.
    write('dist/web/extra.txt', 'x');
    expect(webSourceHash(root)).toBe(hash);
  });

  it('rebuilds a build without a stamp (cut short), without index.html, or with a file missing', () => {
    const hash = webSourceHash(root);
    const stamp = fs.readFileSync(path.join(out, BUILD_STAMP));
    fs.rmSync(path.join(out, BUILD_STAMP));
    expect(buildDecision(out, hash)).toEqual({ reuse: false, reason: 'no-stamp' });
    fs.writeFileSync(path.join(out, BUILD_STAMP), stamp);
    fs.renameSync(path.join(out, 'assets/tiny-AbCd1234.js'), path.join(tmp, 'tiny.js'));
    expect(buildDecision(out, hash)).toEqual({ reuse: false, reason: 'incomplete' });
    fs.renameSync(path.join(tmp, 'tiny.js'), path.join(out, 'assets/tiny-AbCd1234.js'));
    expect(buildDecision(path.join(tmp, 'nowhere'), hash)).toEqual({ reuse: false, reason: 'no-build' });
    expect(buildDecision(out, hash)).toEqual({ reuse: true });
  });

  it('writes brotli and gzip copies of text files worth compressing, none of small ones', () => {
    const js = path.join(out, 'assets/index-AbCd1234.js');
    expect(zlib.brotliDecompressSync(fs.readFileSync(`${js}.br`)).toString()).toBe(big);
    expect(zlib.gunzipSync(fs.readFileSync(`${js}.gz`)).toString()).toBe(big);
    expect(fs.existsSync(path.join(out, 'assets/tiny-AbCd1234.js.br'))).toBe(false);
  });
});

describe('brotli copies after start-up', () => {
  it("a build made by lindung start has gzip copies at once and gets the large files' brotli copies afterwards", async () => {
    const later = path.join(tmp, 'later');
    const large = `console.log(${JSON.stringify(Array.from({ length: 9000 }, (_, i) => `Lindung ${i}`).join(' '))});\n`;
    fs.mkdirSync(path.join(later, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(later, 'index.html'), `<!doctype html>${'<!-- -->'.repeat(200)}`);
    fs.writeFileSync(path.join(later, 'assets/large-AbCd1234.js'), large);
    await finishBuild(later, 'h', { brotli: false });
    const js = path.join(later, 'assets/large-AbCd1234.js');
    expect(fs.existsSync(`${js}.gz`)).toBe(true);
    expect(fs.existsSync(`${js}.br`)).toBe(false);
    expect(fs.existsSync(path.join(later, 'index.html.br'))).toBe(true);
    expect(await addMissingBrotli(later)).toBe(1);
    expect(zlib.brotliDecompressSync(fs.readFileSync(`${js}.br`)).toString()).toBe(large);
    expect(await addMissingBrotli(later)).toBe(0);
    expect(fs.readdirSync(path.join(later, 'assets')).filter((f) => f.startsWith('.'))).toEqual([]);
    expect(buildDecision(later, 'h')).toEqual({ reuse: true });
  });
});

describe('caching and encoding rules', () => {
  it('caches hashed assets for a year and revalidates everything else', () => {
    expect(cacheControlFor('assets/index-AbCd1234.js')).toBe(IMMUTABLE);
    expect(cacheControlFor('/assets/index-AbCd1234.css')).toBe(IMMUTABLE);
    expect(cacheControlFor('index.html')).toBe('no-cache');
    expect(cacheControlFor('sw.js')).toBe('no-cache');
    expect(cacheControlFor('favicon.svg')).toBe('no-cache');
  });

  it('never serves source maps or dotfiles', () => {
    expect(servable('/assets/index-AbCd1234.js')).toBe(true);
    expect(servable('/assets/index-AbCd1234.js.map')).toBe(false);
    expect(servable(`/${BUILD_STAMP}`)).toBe(false);
  });

  it('prefers brotli, then gzip, honours q=0 and what exists', () => {
    const both = new Set(['br', 'gzip'] as const);
    expect(pickEncoding('gzip, deflate, br', both)).toBe('br');
    expect(pickEncoding('gzip', both)).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip;q=0.8', both)).toBe('gzip');
    expect(pickEncoding('*', both)).toBe('br');
    expect(pickEncoding('identity', both)).toBeNull();
    expect(pickEncoding(undefined, both)).toBeNull();
    expect(pickEncoding('br, gzip', new Set(['gzip'] as const))).toBe('gzip');
  });
});

describe('serving the build', () => {
  let app: App;
  beforeAll(async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST_DIR: out });
    app = await createHttpServer(config, createLogger('silent'), async () => null);
    await serveWeb(app, out);
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });
  const get = (url: string, encoding?: string) =>
    app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

  it('sends a hashed asset compressed and immutable, or plain to a client that accepts no encoding', async () => {
    const br = await get('/assets/index-AbCd1234.js', 'gzip, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(br.headers.vary).toContain('accept-encoding');
    expect(br.headers['content-type']).toContain('javascript');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(big);
    const gz = await get('/assets/index-AbCd1234.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await get('/assets/index-AbCd1234.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(big);
  });

  it('serves index.html for client routes and fixed-name files revalidated, compressed when accepted', async () => {
    const page = await get('/masuk', 'br');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(page.rawPayload).toString()).toContain('/assets/index-AbCd1234.js');
    const sw = await get('/sw.js');
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['cache-control']).toBe('no-cache');
  });

  it('keeps source maps and the stamp private and answers a missing asset with 404', async () => {
    const map = await get('/assets/index-AbCd1234.js.map');
    expect(map.statusCode).toBe(404);
    const stamp = await get(`/${BUILD_STAMP}`);
    expect(stamp.body).not.toContain('"hash"');
    expect((await get('/assets/gone-AbCd1234.js')).statusCode).toBe(404);
  });
});
