/** The audit log: who (the operator at the keyboard) did what, when. */
import type { WorkspaceDb } from '../../db/client';
import { auditLog } from '../../db/schema';

/** Appends one audit entry; call it inside the transaction of the change it records. */
export function recordAudit(ws: WorkspaceDb, entry: { at: Date; operator: string | null; action: string; detail: unknown }): void {
  ws.db
    .insert(auditLog)
    .values({ at: entry.at.toISOString(), operator: entry.operator, action: entry.action, detail: JSON.stringify(entry.detail) })
    .run();
}
