// Documents of a claim (issue 15 §4, domain.md §4.6): the checklist by claim type, uploads (PDF/JPEG/PNG judged by
// their bytes, size-limited, stored outside the database with their SHA-256), downloads audited before the first
// byte, all within the claim's region (RLS and regionInScope). "Berkas lengkap" only with every required item.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { ClaimDocument, DocumentChecklist, DocumentUploadQuery } from '../../../lib/contracts/claims-workflow.ts';
import {
  DOCUMENT_EDITORS,
  checklist,
  documentsEditable,
  sniffDocumentType,
  type ClaimStage,
  type DocumentItem,
  type DocumentType,
} from '../../../lib/rules/claim-workflow.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { requireRole } from '../access/index.ts';
import { requireClaimReader } from './claims.policy.ts';
import type { FileStore } from '../../platform/file-store.ts';
import * as repo from './workflow.repository.ts';
import { ACTION_WORDS, ENTITY_WORDS, ITEM_WORDS, STAGE_WORDS } from './claims.words.ts';

export type DocumentDeps = { db: Db; store: FileStore; maxBytes: number };

export const claimNotFound = (locale: 'id' | 'en') => new AppError('NOT_FOUND', { entity: ENTITY_WORDS.claim[locale] });
const documentNotFound = (locale: 'id' | 'en') => new AppError('NOT_FOUND', { entity: ENTITY_WORDS.document[locale] });

export function stageConflict(stage: string, action: keyof typeof ACTION_WORDS): AppError {
  const s = STAGE_WORDS[stage as ClaimStage] ?? { id: stage, en: stage };
  return new AppError('CLAIM_STAGE_CONFLICT', {
    stageId: s.id,
    stageEn: s.en,
    actionId: ACTION_WORDS[action].id,
    actionEn: ACTION_WORDS[action].en,
  });
}

const toDocument = (d: repo.DocumentRow): ClaimDocument => ({
  id: String(d.id),
  item: d.item as DocumentItem,
  fileName: d.file_name,
  contentType: d.content_type as DocumentType,
  sizeBytes: Number(d.size_bytes),
  sha256: d.sha256,
  uploadedBy: d.uploaded_by,
  uploadedAt: d.uploaded_at.toISOString(),
});

/** The checklist of a claim with what is there and what is missing (inside a scoped transaction). */
export async function checklistOf(tx: Tx, scope: string, claim: repo.WorkClaim, maxBytes: number) {
  const docs = (await repo.documentsOf(tx, scope, String(claim.id))).map(toDocument);
  const items = checklist({
    type: claim.type,
    outcome: claim.outcome,
    category: claim.category,
    estimateTotal: Number(claim.estimate_total),
  }).map((e) => ({ ...e, documents: docs.filter((d) => d.item === e.item) }));
  const missing = items.filter((e) => e.required && e.documents.length === 0).map((e) => e.item);
  return {
    claimId: String(claim.id),
    complete: missing.length === 0,
    missing,
    editable: documentsEditable(claim.status as ClaimStage),
    maxBytes,
    items,
  } satisfies DocumentChecklist;
}

/** `GET /api/claims/:id/documents`. */
export async function getChecklist(deps: DocumentDeps, ctx: RequestContext, claimId: string) {
  const actor = requireClaimReader(ctx);
  return withScope(deps.db, actor.scope, async (tx) => {
    const claim = await repo.claimForWork(tx, actor.scope, claimId);
    if (!claim) throw claimNotFound(actor.locale);
    return checklistOf(tx, actor.scope, claim, deps.maxBytes);
  });
}

/** `POST /api/claims/:id/documents`: one file for one checklist item. */
export async function uploadDocument(
  deps: DocumentDeps,
  ctx: RequestContext,
  claimId: string,
  q: DocumentUploadQuery,
  bytes: Buffer,
): Promise<DocumentChecklist> {
  const actor = requireRole(ctx, DOCUMENT_EDITORS);
  if (bytes.length > deps.maxBytes) {
    throw new AppError('CLAIM_DOCUMENT_TOO_LARGE', { fileName: q.fileName, limit: deps.maxBytes });
  }
  const type = sniffDocumentType(bytes);
  if (!type) throw new AppError('CLAIM_DOCUMENT_TYPE', { fileName: q.fileName });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let stored: string | null = null;
  try {
    return await withScope(deps.db, actor.scope, async (tx) => {
      const claim = await repo.claimForWork(tx, actor.scope, claimId, true);
      if (!claim) throw claimNotFound(actor.locale);
      if (!documentsEditable(claim.status as ClaimStage)) throw stageConflict(claim.status, 'upload');
      stored = await deps.store.put(String(claim.id), bytes);
      const id = await repo.insertDocument(tx, {
        claim_id: String(claim.id),
        village_code: claim.village_code,
        item: q.item,
        file_name: q.fileName,
        content_type: type,
        size_bytes: bytes.length,
        sha256,
        storage_key: stored,
        uploaded_by: actor.username,
      });
      await writeAudit(tx, ctx, {
        action: 'claim.document.upload',
        entity: 'claim_document',
        entityId: id,
        region: claim.village_code,
        after: { claim_id: String(claim.id), item: q.item, file_name: q.fileName, type, size: bytes.length, sha256 },
      });
      return checklistOf(tx, actor.scope, claim, deps.maxBytes);
    });
  } catch (err) {
    // The row was not written: the file must not stay behind.
    if (stored) await deps.store.remove(stored);
    throw err;
  }
}

/**
 * `GET /api/claims/documents/:id/file`: the audit row is committed first; only then is the file opened, so no byte
 * leaves without a trace.
 */
export async function openDocument(
  deps: DocumentDeps,
  ctx: RequestContext,
  documentId: string,
): Promise<{ doc: ClaimDocument; stream: Readable }> {
  const actor = requireClaimReader(ctx);
  const row = await withScope(deps.db, actor.scope, async (tx) => {
    const found = await repo.documentById(tx, actor.scope, documentId);
    if (!found) throw documentNotFound(actor.locale);
    await writeAudit(tx, ctx, {
      action: 'claim.document.download',
      entity: 'claim_document',
      entityId: String(found.id),
      region: found.village_code,
      after: { claim_id: String(found.claim_id), item: found.item, sha256: found.sha256 },
    });
    return found;
  });
  return { doc: toDocument(row), stream: deps.store.open(row.storage_key) };
}

/** `DELETE /api/claims/documents/:id`: only while the file is still being put together. */
export async function removeDocument(
  deps: DocumentDeps,
  ctx: RequestContext,
  documentId: string,
): Promise<DocumentChecklist> {
  const actor = requireRole(ctx, DOCUMENT_EDITORS);
  const { result, key } = await withScope(deps.db, actor.scope, async (tx) => {
    const doc = await repo.documentById(tx, actor.scope, documentId);
    if (!doc) throw documentNotFound(actor.locale);
    const claim = await repo.claimForWork(tx, actor.scope, String(doc.claim_id), true);
    if (!claim) throw claimNotFound(actor.locale);
    if (!documentsEditable(claim.status as ClaimStage)) throw stageConflict(claim.status, 'remove');
    await repo.deleteDocument(tx, actor.scope, documentId);
    await writeAudit(tx, ctx, {
      action: 'claim.document.remove',
      entity: 'claim_document',
      entityId: documentId,
      region: doc.village_code,
      before: { claim_id: String(doc.claim_id), item: doc.item, file_name: doc.file_name, sha256: doc.sha256 },
    });
    return { result: await checklistOf(tx, actor.scope, claim, deps.maxBytes), key: doc.storage_key };
  });
  await deps.store.remove(key);
  return result;
}

/** Words for the "incomplete" error: the missing items in both languages. */
export function incompleteError(missing: DocumentItem[]): AppError {
  return new AppError('CLAIM_DOCUMENTS_INCOMPLETE', {
    missingId: missing.map((m) => ITEM_WORDS[m].id).join(', '),
    missingEn: missing.map((m) => ITEM_WORDS[m].en).join(', '),
  });
}
