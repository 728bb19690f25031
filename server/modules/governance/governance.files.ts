// The signed files of governance (instruments' PDFs, meetings' minutes): one check of the bytes before storing, one
// way of sending them (attachment, no sniffing, no caching).
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { interpolate } from '../../../lib/i18n/locale.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { withScope, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { isPdf } from '../../platform/file-store.ts';
import type { FileDeps } from './instruments.service.ts';
import { CONFLICT_WORDS, ENTITY_WORDS } from './governance.words.ts';

/** Refuses what is too large or no PDF (by its magic number, whatever the name says); returns the SHA-256. */
export function checkedPdf(actor: Actor, maxBytes: number, fileName: string, bytes: Buffer): string {
  if (bytes.length > maxBytes) {
    throw new AppError('CONFLICT', {
      detail: interpolate(CONFLICT_WORDS.tooLarge[actor.locale], { fileName, limit: maxBytes }),
    });
  }
  if (!isPdf(bytes)) {
    throw new AppError('CONFLICT', { detail: interpolate(CONFLICT_WORDS.notPdf[actor.locale], { fileName }) });
  }
  return createHash('sha256').update(bytes).digest('hex');
}

export function sendPdf(reply: FastifyReply, file: { name: string; size: number; stream: Readable }) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-length', String(file.size))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${file.name}"`)
    .send(file.stream);
}

/** A stored PDF as its owner row names it: where it is kept, its hash and size, and the region it belongs to. */
export type StoredPdf = { key: string | null; sha256: string | null; size: string | number | null; region: string };

/**
 * Opens a stored PDF for download: the row found in the reader's scope (else not found), a row without a file
 * refused, and the download audited (committed) before the first byte leaves.
 */
export async function openStoredPdf(
  deps: FileDeps,
  ctx: RequestContext,
  actor: Actor,
  find: (tx: Tx) => Promise<StoredPdf | undefined>,
  audit: { action: string; entity: string; id: string; name: string; what: keyof typeof ENTITY_WORDS },
): Promise<{ name: string; size: number; stream: Readable }> {
  const file = await withScope(deps.db, actor.scope, async (tx) => {
    const found = await find(tx);
    if (!found) throw new AppError('NOT_FOUND', { entity: ENTITY_WORDS[audit.what][actor.locale] });
    if (!found.key) throw new AppError('NOT_FOUND', { entity: ENTITY_WORDS.file[actor.locale] });
    await writeAudit(tx, ctx, {
      action: audit.action,
      entity: audit.entity,
      entityId: audit.id,
      region: found.region,
      after: { sha256: found.sha256 },
    });
    return { key: found.key, size: Number(found.size) };
  });
  return { name: audit.name, size: file.size, stream: deps.store.open(file.key) };
}
