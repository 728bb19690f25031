// The signed files of governance (instruments' PDFs, meetings' minutes): one check of the bytes before storing, one
// way of sending them (attachment, no sniffing, no caching).
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { interpolate } from '../../../lib/i18n/locale.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { isPdf } from '../../platform/file-store.ts';
import { CONFLICT_WORDS } from './governance.words.ts';

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
