/**
 * The framework a workspace assesses with: the province's own (a JSON file, kept in
 * `assessment_frameworks`), else the shipped starting point (`resources/assessment/
 * organic-community.json`, whose cut-offs are not official). Changing it never touches scores:
 * scores of criteria the new framework lacks are kept and reported.
 */
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { frameworkChange, parseFramework, type Framework } from '../../../shared/domain/assessment';
import { refused, ServiceError } from '../../../shared/domain/result';
import type { FrameworkView } from '../../../shared/ipc/assessment';
import type { WorkspaceDb } from '../../db/client';
import { insertRow, tombstoneRow, type WriteTx } from '../../db/repository';
import { assessmentFrameworks, assessmentRounds, assessmentScores } from '../../db/schema';
import type { AppContext } from '../context';
import { assertWithinSizeCap } from '../ports';

type Db = WorkspaceDb['db'];

const shippedCache = new Map<string, Framework>();

/** The shipped starting framework, read once. */
export function shippedFramework(resourcesDir: string): Framework {
  const cached = shippedCache.get(resourcesDir);
  if (cached) return cached;
  const file = path.join(resourcesDir, 'assessment', 'organic-community.json');
  const parsed = parseFramework(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.messages.join('; ')}`);
  shippedCache.set(resourcesDir, parsed.framework);
  return parsed.framework;
}

/** The workspace's own framework row, if any. */
function ownRow(db: Db) {
  return db.select().from(assessmentFrameworks).where(isNull(assessmentFrameworks.deletedAt)).get();
}

/** The framework in use and whether it is the shipped one. */
export function currentFramework(db: Db, resourcesDir: string): { framework: Framework; shipped: boolean } {
  const row = ownRow(db);
  if (row) {
    const parsed = parseFramework(JSON.parse(row.definition));
    if (parsed.ok) return { framework: parsed.framework, shipped: false };
  }
  return { framework: shippedFramework(resourcesDir), shipped: true };
}

/** Criterion numbers with a live score in a live round. */
export function scoredCriteria(db: Db): string[] {
  return db
    .selectDistinct({ no: assessmentScores.criterionNo })
    .from(assessmentScores)
    .innerJoin(assessmentRounds, and(eq(assessmentRounds.id, assessmentScores.roundId), isNull(assessmentRounds.deletedAt)))
    .where(isNull(assessmentScores.deletedAt))
    .all()
    .map((r) => r.no);
}

/** The framework in use, with the scored criteria it does not have. */
export function frameworkView(db: Db, resourcesDir: string): FrameworkView {
  const { framework, shipped } = currentFramework(db, resourcesDir);
  return { framework, shipped, orphaned: frameworkChange(framework, scoredCriteria(db)).orphaned };
}

/** A framework file a person chose: JSON in DESIGN.md section 3's shape, checked, at most 1 MiB. */
export async function readFrameworkFile(ctx: AppContext, userPath: string): Promise<Framework> {
  const file = ctx.paths.resolve(userPath);
  if (!(await ctx.fs.exists(file))) throw new ServiceError('NOT_FOUND', `ไม่พบไฟล์: ${file}`, `File not found: ${file}`, 'path');
  await assertWithinSizeCap(ctx.fs, file, 1024 * 1024);
  const name = path.basename(file);
  let json: unknown;
  try {
    json = JSON.parse((await fs.promises.readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch {
    throw refused(`ไฟล์ ${name} ไม่ใช่ JSON ที่อ่านได้`, `The file ${name} is not readable JSON`, 'path');
  }
  const parsed = parseFramework(json);
  if (!parsed.ok) throw refused(`กรอบการประเมินในไฟล์ ${name} ใช้ไม่ได้: ${parsed.messages.join(' · ')}`, `The framework in ${name} cannot be used: ${parsed.messages.join(' · ')}`, 'path');
  return parsed.framework;
}

/** Makes `framework` the workspace's own; answers what it leaves unscored and which scores it no longer counts. */
export function writeFramework(tx: WriteTx, resourcesDir: string, framework: Framework): FrameworkView & { unscored: string[] } {
  const row = ownRow(tx.db);
  if (row) tombstoneRow(tx, assessmentFrameworks, row.id);
  insertRow(tx, assessmentFrameworks, { frameworkId: framework.id, definition: JSON.stringify(framework) });
  const change = frameworkChange(framework, scoredCriteria(tx.db));
  tx.detail = { frameworkId: framework.id, orphaned: change.orphaned };
  return { ...frameworkView(tx.db, resourcesDir), unscored: change.unscored };
}

/** Goes back to the shipped framework. */
export function resetFramework(tx: WriteTx, resourcesDir: string): FrameworkView {
  const row = ownRow(tx.db);
  if (row) tombstoneRow(tx, assessmentFrameworks, row.id);
  return frameworkView(tx.db, resourcesDir);
}
