import { describe, expect, it } from 'vitest';
import { sortVillages, villageCode, villageInputSchema } from '../../src/shared/domain/villages';

describe('villages', () => {
  it('derives the 8-digit village code from the tambon code and หมู่ที่', () => {
    expect(villageCode('800108', 1)).toBe('80010801');
    expect(villageCode('800108', 12)).toBe('80010812');
  });

  it('accepts หมู่ที่ 1–99 only, as whole numbers', () => {
    for (const moo of [1, 50, 99]) expect(villageInputSchema.safeParse({ moo, name: 'x' }).success).toBe(true);
    for (const moo of [0, 100, -1, 2.5, Number.NaN]) expect(villageInputSchema.safeParse({ moo, name: 'x' }).success).toBe(false);
  });

  it('requires a name and trims it', () => {
    expect(villageInputSchema.safeParse({ moo: 1, name: '   ' }).success).toBe(false);
    expect(villageInputSchema.parse({ moo: 1, name: ' บ้านนา ' }).name).toBe('บ้านนา');
  });

  it('sorts by หมู่ที่', () => {
    expect(sortVillages([{ moo: 3 }, { moo: 1 }, { moo: 2 }]).map((v) => v.moo)).toEqual([1, 2, 3]);
  });
});
