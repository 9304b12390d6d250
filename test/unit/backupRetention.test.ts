import { describe, expect, it } from 'vitest';
import { bangkokDay, bangkokWeek, backupsToKeep, type RetainedBackup } from '../../src/shared/domain/backupRetention';

const hour = 60 * 60 * 1000;
const day = 24 * hour;
const now = new Date('2026-11-23T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const hourly = (at: Date): RetainedBackup => ({ at, reason: 'hourly' });

describe('backup retention', () => {
  it('keeps everything while there are ten or fewer', () => {
    const backups = Array.from({ length: 10 }, (_, i) => hourly(ago(i * hour)));
    expect(backupsToKeep(backups, now)).toHaveLength(10);
  });

  it('counts calendar days and Monday-based weeks in Asia/Bangkok (UTC+7)', () => {
    // 23:30 in Bangkok on Sunday 22 Nov 2026 is 16:30 UTC; half an hour later it is Monday the 23rd.
    const sundayLate = new Date('2026-11-22T16:30:00Z');
    const mondayEarly = new Date('2026-11-22T17:00:00Z');
    expect(bangkokDay(mondayEarly) - bangkokDay(sundayLate)).toBe(1);
    expect(bangkokWeek(mondayEarly) - bangkokWeek(sundayLate)).toBe(1);
    // Monday to Sunday is one week.
    expect(bangkokWeek(new Date('2026-11-29T16:00:00Z'))).toBe(bangkokWeek(mondayEarly));
  });

  it('keeps the last 10, one a day for 7 days and one a week for 4 more weeks through 60 days of hourly work, pruned after each backup', () => {
    // The defect: counted back from "now" and pruned after every backup, 45 days of hourly work kept only the last 10.
    const start = new Date('2026-09-01T01:00:00Z');
    let kept: RetainedBackup[] = [];
    let clock = start;
    for (let i = 0; i < 60 * 24; i += 1) {
      clock = new Date(start.getTime() + i * hour);
      kept = backupsToKeep([...kept, hourly(clock)], clock);
    }
    const newest = clock;
    const ages = kept.map((b) => newest.getTime() - b.at.getTime());
    // The last 10 hourly ones.
    for (let h = 0; h < 10; h += 1) expect(ages).toContain(h * hour);
    // One on each of the 7 calendar days up to today.
    const days = new Set(kept.map((b) => bangkokDay(b.at)));
    for (let d = 0; d < 7; d += 1) expect(days.has(bangkokDay(newest) - d), `day -${d}`).toBe(true);
    // One in each of the 4 calendar weeks before this one.
    const weeks = new Set(kept.map((b) => bangkokWeek(b.at)));
    for (let w = 1; w <= 4; w += 1) expect(weeks.has(bangkokWeek(newest) - w), `week -${w}`).toBe(true);
    // Nothing older than those weeks, and no more than the policy allows.
    expect(Math.min(...kept.map((b) => bangkokWeek(b.at)))).toBeGreaterThanOrEqual(bangkokWeek(newest) - 4);
    expect(kept.length).toBeLessThanOrEqual(10 + 7 + 5);
    // The kept ones of a past day are that day's last: stable however often pruning runs.
    const dayBefore = kept.filter((b) => bangkokDay(b.at) === bangkokDay(newest) - 2);
    expect(dayBefore).toHaveLength(1);
    expect(dayBefore[0]!.at.toISOString()).toMatch(/T16:00:00/); // 23:00 in Bangkok
  });

  it('keeps before-upgrade and before-restore backups by their own rule: the last 3 of each, and all under 30 days', () => {
    const special = [
      ...Array.from({ length: 5 }, (_, i) => ({ at: ago((40 + i) * day), reason: 'before-restore' as const })),
      ...Array.from({ length: 2 }, (_, i) => ({ at: ago((10 + i) * day), reason: 'before-upgrade' as const })),
      ...Array.from({ length: 2 }, (_, i) => ({ at: ago((50 + i) * day), reason: 'before-upgrade' as const })),
    ];
    const ordinary = Array.from({ length: 30 }, (_, i) => hourly(ago(i * hour)));
    const kept = backupsToKeep([...ordinary, ...special], now);
    // The last 3 before-restore (all older than 30 days), and the 10 ordinary ones do not push them out.
    expect(kept.filter((b) => b.reason === 'before-restore').map((b) => Math.round((now.getTime() - b.at.getTime()) / day))).toEqual([40, 41, 42]);
    // The two recent before-upgrade ones, plus one old one to make the last 3.
    expect(kept.filter((b) => b.reason === 'before-upgrade').map((b) => Math.round((now.getTime() - b.at.getTime()) / day))).toEqual([10, 11, 50]);
    // Newest first.
    expect([...kept].sort((a, b) => b.at.getTime() - a.at.getTime())).toEqual(kept);
  });
});
