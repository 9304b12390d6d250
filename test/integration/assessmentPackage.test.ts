/**
 * The self-assessment in the signed package and at the data center: rounds, scores, evidence
 * links and the per-unit results travel (aggregate), the names of who took part never do (local:
 * the round carries their count); the province imports two tambons' packages and its overview's
 * grade summary by district equals the grades computed in the test from what the tambons scored.
 * A later package where a round was removed shows it deleted.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPackage } from '../../src/main/services/packages/packages';
import { readCsv } from '../../src/shared/domain/csv';
import { formatFingerprint } from '../../src/shared/domain/packages';
import { closingContexts, ok } from '../support/context';
import { createProvince, importJob, keyOf } from '../support/datacenter';
import { createTambon, passphrase, zipEntries } from '../support/packages';

const context = closingContexts();
const criteria = ['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3', '3.4', '4.1', '4.2', '4.3', '4.4', '5.1', '5.2', '5.3', '5.4'];
const participant = 'นายทดสอบ ผู้ร่วมประเมินลับ';

/** A tambon whose village `moo` scores `score` on every criterion in round `label` (1–5: 5 → 100 % A, 4 → 75 % B, 2 → 25 % C). */
async function tambonWithRounds(code: string, plan: { label: string; scores: Record<number, number>; tambon: number | null }[]) {
  const ctx = context();
  await createTambon(ctx, code);
  const villages = [];
  for (const moo of [1, 2, 3]) villages.push(await ok(ctx, 'villages.add', { moo, name: `บ้านทดสอบ ${moo}` }));
  const rounds = [];
  for (const r of plan) {
    const round = await ok(ctx, 'assessment.addRound', { label: r.label });
    rounds.push(round);
    for (const [moo, score] of Object.entries(r.scores)) {
      for (const no of criteria) await ok(ctx, 'assessment.setScore', { roundId: round.id, villageId: villages[Number(moo) - 1]!.id, criterionNo: no, score });
    }
    if (r.tambon !== null) for (const no of criteria) await ok(ctx, 'assessment.setScore', { roundId: round.id, villageId: null, criterionNo: no, score: r.tambon });
    await ok(ctx, 'assessment.addParticipant', { roundId: round.id, name: participant, villageId: null, role: null });
  }
  return { ctx, rounds, villages };
}

const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? new Uint8Array()).toString('utf8');

describe('the self-assessment in packages', () => {
  it('travels by travel class, and the data center sums grades by district', async () => {
    // ต.นาทราย: ก่อน with หมู่ 1 A, หมู่ 2 C, หมู่ 3 unscored, the tambon B; หลัง with หมู่ 1 and 2 A.
    const a = await tambonWithRounds('800108', [
      { label: 'ก่อน', scores: { 1: 5, 2: 2 }, tambon: 4 },
      { label: 'หลัง', scores: { 1: 5, 2: 5 }, tambon: null },
    ]);
    // ต.ท่าวัง (the same district): ก่อน with every village B, the tambon C.
    const b = await tambonWithRounds('800102', [{ label: 'ก่อน', scores: { 1: 4, 2: 4, 3: 4 }, tambon: 2 }]);

    const exports = [];
    for (const t of [a, b]) {
      const ws = t.ctx.session.workspace!;
      const pkg = await exportPackage(t.ctx, ws, { outDir: path.join(t.ctx.dir, 'out'), passphrase, households: false });
      exports.push(pkg);
      const entries = zipEntries(pkg.file);
      for (const table of ['assessment_rounds', 'assessment_scores', 'assessment_evidence', 'assessment_frameworks', 'assessment_unit_results']) expect(Object.keys(entries)).toContain(`data/${table}.csv`);
      expect(Object.keys(entries)).not.toContain('data/assessment_participants.csv');
      for (const [name, bytes] of Object.entries(entries)) expect(text(bytes), name).not.toContain('ผู้ร่วมประเมินลับ');
      const rounds = readCsv(text(entries['data/assessment_rounds.csv']), undefined);
      const header = rounds[0]!;
      expect(rounds.slice(1).map((r) => r[header.indexOf('participant_count')])).toEqual(t.rounds.map(() => '1'));
      const scores = readCsv(text(entries['data/assessment_scores.csv']), undefined);
      expect(scores.length - 1).toBe(t === a ? 20 * (2 + 1) + 20 * 2 : 20 * 4);
    }

    const p = context();
    await createProvince(p);
    for (const [code, t] of [['800108', a], ['800102', b]] as const) {
      const key = await keyOf(t.ctx, code);
      await ok(p, 'datacenter.enroll', { tambonCode: code, publicKey: key.text, fingerprint: formatFingerprint(key.fingerprint) });
    }
    const applied = await importJob(p, exports.map((e) => e.file));
    expect(applied.map((o) => o.status)).toEqual(['applied', 'applied']);
    expect(applied[0]!.tables.assessment_unit_results).toEqual({ new: 8, changed: 0, unchanged: 0, deleted: 0, rejected: 0 });
    expect(applied[0]!.tables.assessment_scores).toMatchObject({ new: 100 });

    const dashboard = await ok(p, 'datacenter.dashboard', { view: 'latest' });
    expect(dashboard.assessment).toEqual([
      { districtCode: '8001', districtNameTh: 'เมืองนครศรีธรรมราช', roundLabel: 'ก่อน', tambons: 2, villages: { A: 1, B: 3, C: 1 }, villagesUngraded: 1, tambonGrades: { B: 1, C: 1 }, tambonsUngraded: 0 },
      { districtCode: '8001', districtNameTh: 'เมืองนครศรีธรรมราช', roundLabel: 'หลัง', tambons: 1, villages: { A: 2 }, villagesUngraded: 1, tambonGrades: {}, tambonsUngraded: 1 },
    ]);

    // ต.นาทราย removes its "หลัง" round: the next package deletes its rows at the data center.
    await ok(a.ctx, 'assessment.removeRound', { id: a.rounds[1]!.id });
    const next = await exportPackage(a.ctx, a.ctx.session.workspace!, { outDir: path.join(a.ctx.dir, 'out'), passphrase, households: false });
    const second = await importJob(p, [next.file]);
    expect(second[0]!.status).toBe('applied');
    expect(second[0]!.tables.assessment_unit_results).toMatchObject({ deleted: 4, unchanged: 4 });
    expect((await ok(p, 'datacenter.dashboard', { view: 'latest' })).assessment.map((g) => g.roundLabel)).toEqual(['ก่อน']);
    // Some 300 scores typed one call at a time, each its own write: room for a busy machine.
  }, 120_000);
});
