import { describe, expect, it } from 'vitest';
import { backupsToKeep } from '../../src/shared/domain/backupRetention';

const hour = 60 * 60 * 1000;
const day = 24 * hour;
const now = new Date('2026-11-23T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('backup retention', () => {
  it('keeps everything while there are ten or fewer', () => {
    const dates = Array.from({ length: 10 }, (_, i) => ago(i * hour));
    expect(backupsToKeep(dates, now)).toHaveLength(10);
  });

  it('keeps the last ten, one a day for a week and one a week for a month', () => {
    // One backup every 2 hours for 60 days.
    const dates = Array.from({ length: 12 * 60 }, (_, i) => ago(i * 2 * hour));
    const kept = backupsToKeep(dates, now);
    const newestTen = dates.slice(0, 10);
    for (const d of newestTen) expect(kept).toContain(d);
    // Every one of the last 7 days has a backup kept.
    for (let d = 0; d < 7; d += 1) {
      expect(kept.some((k) => now.getTime() - k.getTime() >= d * day && now.getTime() - k.getTime() < (d + 1) * day)).toBe(true);
    }
    // Each of the 7-day buckets within 31 days has one.
    for (let w = 0; w < 4; w += 1) {
      expect(kept.some((k) => now.getTime() - k.getTime() >= w * 7 * day && now.getTime() - k.getTime() < (w + 1) * 7 * day)).toBe(true);
    }
    // Nothing older than a month survives, and the total is bounded.
    expect(kept.every((k) => now.getTime() - k.getTime() < 31 * day)).toBe(true);
    expect(kept.length).toBeLessThanOrEqual(10 + 7 + 5);
    // Newest first.
    expect([...kept].sort((a, b) => b.getTime() - a.getTime())).toEqual(kept);
  });
});
