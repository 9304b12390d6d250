/**
 * The one write pipeline. Every change to a workspace goes through {@link write} (calls) or
 * {@link runWrite} (a new file, a job's worker):
 *   writable check → operator and clock → one IMMEDIATE transaction (the body, then its audit
 *   record) → the hourly-backup note → a `data.changed` event naming the capability, the tables
 *   and the row ids it wrote.
 * The body writes through the repository helpers (db/repository.ts), which note each row. Every
 * window (the editor, the projector) and the renderer's query cache refresh from that event.
 */
import type { DataChanged } from '../../shared/ipc/workspace';
import type { Capability } from '../../shared/ipc/define';
import type { WorkspaceDb } from '../db/client';
import type { WriteTx } from '../db/repository';
import { auditLog } from '../db/schema';
import { noteEdit } from './backups/backups';
import type { AppContext } from './context';
import { readPreferences } from './preferences/preferences';
import { requireWritable } from './session';

/** What a write is, for its audit record and its change event. */
export interface WriteSpec {
  capability: Capability;
  /** `village.add`, `workspace.create`…: what the audit log calls it. */
  action: string;
}

/** Who writes and when. */
export interface Writer {
  operator: string | null;
  now: Date;
}

/** The change event of a committed write. */
export function changeEvent(spec: WriteSpec, tx: Pick<WriteTx, 'changes'>): DataChanged {
  return {
    capability: spec.capability,
    action: spec.action,
    tables: Object.fromEntries([...tx.changes].map(([table, ids]) => [table, [...ids]])),
  };
}

/**
 * Runs `body` in one IMMEDIATE transaction on `ws` and appends its audit record (the operator,
 * the action, the rows changed and the body's `detail`) in the same transaction; rolls back
 * everything if anything throws. IMMEDIATE takes the write lock before the first read, so a
 * concurrent writer (the CLI, the app) makes this wait out the busy timeout instead of failing
 * with a stale snapshot. No session concerns: usable on a new file and in a job's worker.
 */
export function runWrite<T>(ws: WorkspaceDb, writer: Writer, spec: WriteSpec, body: (tx: WriteTx) => T): { value: T; event: DataChanged } {
  const tx: WriteTx = { db: ws.db, sqlite: ws.sqlite, now: writer.now, operator: writer.operator, changes: new Map(), detail: {} };
  const value = ws.db.transaction(
    () => {
      const result = body(tx);
      const event = changeEvent(spec, tx);
      ws.db
        .insert(auditLog)
        .values({
          at: writer.now.toISOString(),
          operator: writer.operator,
          action: spec.action,
          detail: JSON.stringify({ ...tx.detail, changes: event.tables }),
        })
        .run();
      return result;
    },
    { behavior: 'immediate' },
  );
  return { value, event: changeEvent(spec, tx) };
}

/** Who is writing now: the operator of the preferences and the context's clock. */
export async function currentWriter(ctx: AppContext): Promise<Writer> {
  return { operator: (await readPreferences(ctx)).operatorName, now: ctx.clock() };
}

/** What a call adds to the pipeline. */
export interface WriteOptions<T> {
  /**
   * Sends the events that carry what was written (the saved row), after the commit and before the
   * change event: a window then shows the value at once, and the lists the change event marks
   * stale load again behind it. (Sent after, they would find those lists already marked stale,
   * and the window would wait for the lists to load: the projector's edit latency.)
   */
  announce?: (value: T) => void;
}

/**
 * The pipeline for a call that changes the open workspace (see the module comment). Answers
 * the body's value; an error leaves the workspace exactly as it was.
 */
export async function write<T>(ctx: AppContext, spec: WriteSpec, body: (tx: WriteTx) => T, options: WriteOptions<T> = {}): Promise<T> {
  requireWritable(ctx);
  const writer = await currentWriter(ctx);
  // Checked again after the await: the workspace may have been closed or leased meanwhile.
  const ws = requireWritable(ctx);
  const { value, event } = runWrite(ws, writer, spec, body);
  options.announce?.(value);
  announceChange(ctx, event);
  return value;
}

/** After a committed write (here or in a job's worker): the hourly-backup note and the change event. */
export function announceChange(ctx: AppContext, event: DataChanged): void {
  noteEdit(ctx);
  if (Object.keys(event.tables).length > 0) ctx.emit('data.changed', event);
}
