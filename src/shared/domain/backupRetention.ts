/**
 * Which backups to keep. Pure, so the policy is tested on its own.
 *   Ordinary backups (on open, hourly, by hand): the last 10, the newest of each calendar day
 *   for the last 7 days, and the newest of each calendar week (Monday to Sunday) for this week
 *   and the 4 before. Days and weeks are calendar ones in Asia/Bangkok (UTC+7, no daylight
 *   saving), so the newest backup of a past day stays the newest however often pruning runs.
 *   Backups taken before an upgrade or before a restore: the last 3 of each kind, and any of them
 *   younger than 30 days.
 */
import type { BackupReason } from './workspace';

/** The retention policy's numbers. */
export const backupPolicy = { keepLast: 10, dailyDays: 7, weeklyWeeks: 5, specialLast: 3, specialDays: 30 } as const;

const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;
/** Asia/Bangkok is UTC+7 all year. */
const bangkokOffsetMs = 7 * hourMs;

/** The Bangkok calendar day of an instant, as a day number (0 = Thursday 1 January 1970). */
export function bangkokDay(at: Date): number {
  return Math.floor((at.getTime() + bangkokOffsetMs) / dayMs);
}

/** The Bangkok calendar week (starting on Monday) of an instant, as a week number. */
export function bangkokWeek(at: Date): number {
  // Day 0 was a Thursday: three days later the first whole Monday-based week of the count ends.
  return Math.floor((bangkokDay(at) + 3) / 7);
}

/** A backup as the policy sees it. */
export interface RetainedBackup {
  at: Date;
  reason: BackupReason;
}

const special = new Set<BackupReason>(['before-upgrade', 'before-restore']);

/** The backups to keep of `backups`, newest first. */
export function backupsToKeep<T extends RetainedBackup>(backups: readonly T[], now: Date): T[] {
  const sorted = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime());
  const keep = new Set<T>();
  const ordinary = sorted.filter((b) => !special.has(b.reason));
  for (const b of ordinary.slice(0, backupPolicy.keepLast)) keep.add(b);
  const today = bangkokDay(now);
  const thisWeek = bangkokWeek(now);
  const seenDays = new Set<number>();
  const seenWeeks = new Set<number>();
  for (const b of ordinary) {
    const day = bangkokDay(b.at);
    const week = bangkokWeek(b.at);
    if (day <= today && day > today - backupPolicy.dailyDays && !seenDays.has(day)) {
      seenDays.add(day);
      keep.add(b);
    }
    if (week <= thisWeek && week > thisWeek - backupPolicy.weeklyWeeks && !seenWeeks.has(week)) {
      seenWeeks.add(week);
      keep.add(b);
    }
  }
  for (const reason of special) {
    const ofKind = sorted.filter((b) => b.reason === reason);
    ofKind.forEach((b, i) => {
      if (i < backupPolicy.specialLast || now.getTime() - b.at.getTime() < backupPolicy.specialDays * dayMs) keep.add(b);
    });
  }
  return sorted.filter((b) => keep.has(b));
}
