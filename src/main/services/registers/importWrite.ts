/**
 * Writing what an import of a register read (shared/domain/imports/registerRecords.ts), inside
 * the import's one write, through the registers' own services, each row carrying the import's
 * id so `imports undo` (and `--replace`) tombstones what it brought. A welfare fund named on
 * several rows (one per year) is one fund; a fund already in the workspace with the same name
 * and village gets the file's years.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { RegisterRecord } from '../../../shared/domain/imports/registerRecords';
import type { WriteTx } from '../../db/repository';
import { welfareFunds } from '../../db/schema';
import { saveFundYear, saveLeader, saveLearningCentre, saveOrganisation, saveWelfareFund } from './registers';

/** Writes `records` in the file's order; `checkCancel` is called every hundred rows. */
export function writeRegisterRecords(tx: WriteTx, importId: string, records: readonly RegisterRecord[], checkCancel: () => void): void {
  const funds = new Map<string, string>();
  records.forEach((r, i) => {
    if (r.kind === 'leaders') {
      saveLeader(tx, undefined, { villageId: r.villageId, name: r.name, role: r.role, phone: r.phone, training: r.training, successor: r.successor, selfAssessment: {} }, importId);
    } else if (r.kind === 'learning-centres') {
      saveLearningCentre(tx, undefined, { name: r.name, villageId: r.villageId, activities: r.activities, peopleServed: r.peopleServed }, importId);
    } else if (r.kind === 'organisations') {
      saveOrganisation(tx, undefined, { name: r.name, villageId: r.villageId, kind: r.orgKind, members: r.members, capital: r.capital }, importId);
    } else {
      const key = `${r.villageId ?? ''}\u0000${r.name}`;
      let fundId = funds.get(key);
      if (fundId === undefined) {
        fundId =
          tx.db
            .select({ id: welfareFunds.id })
            .from(welfareFunds)
            .where(and(eq(welfareFunds.name, r.name), r.villageId === null ? isNull(welfareFunds.villageId) : eq(welfareFunds.villageId, r.villageId), isNull(welfareFunds.deletedAt)))
            .get()?.id ??
          saveWelfareFund(tx, undefined, { name: r.name, villageId: r.villageId, tier: r.tier, startYear: r.startYear, members: r.members, monthlyContribution: r.monthlyContribution }, importId);
        funds.set(key, fundId);
      }
      if (r.year !== null) saveFundYear(tx, { fundId, year: r.year, members: r.members, contributions: r.contributions, benefits: r.benefits }, importId);
    }
    if (i % 100 === 99) checkCancel();
  });
}
