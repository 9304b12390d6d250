import { describe, expect, it } from 'vitest';
import { createNaSai, ok, testContext } from '../support/context';

describe('smoke', () => {
  it('creates a workspace and adds a village', async () => {
    const ctx = testContext();
    const summary = await createNaSai(ctx);
    expect(summary.tambon.nameTh).toBe('นาทราย');
    const v = await ok(ctx, 'villages.add', { moo: 3, name: 'บ้านนาทราย' });
    expect(v.code).toBe('80010803');
    expect((await ok(ctx, 'villages.list')).length).toBe(1);
  });
});
