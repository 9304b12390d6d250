/**
 * Which automatic backups to keep: the last 10, plus the newest one of each day for a week
 * and the newest one of each week for a month. Pure, so the policy is tested on its own.
 */

/** The retention policy's numbers. */
export const backupPolicy = { keepLast: 10, dailyForDays: 7, weeklyForDays: 31 } as const;

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Returns the subset of `createdAt` instants to keep, newest first.
 * Days and weeks are counted back from `now` in whole 24-hour and 7-day steps, so the result
 * does not depend on the time zone.
 */
export function backupsToKeep(createdAt: readonly Date[], now: Date): Date[] {
  const sorted = [...createdAt].sort((a, b) => b.getTime() - a.getTime());
  const keep = new Set<Date>(sorted.slice(0, backupPolicy.keepLast));
  const newestPerBucket = (bucketDays: number, horizonDays: number) => {
    const seen = new Set<number>();
    for (const date of sorted) {
      const age = now.getTime() - date.getTime();
      if (age < 0 || age >= horizonDays * dayMs) continue;
      const bucket = Math.floor(age / (bucketDays * dayMs));
      if (!seen.has(bucket)) {
        seen.add(bucket);
        keep.add(date);
      }
    }
  };
  newestPerBucket(1, backupPolicy.dailyForDays);
  newestPerBucket(7, backupPolicy.weeklyForDays);
  return sorted.filter((d) => keep.has(d));
}
