import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJobInline } from '../../src/main/services/jobs/inline';
import { closingContexts, createNaSai, ok } from '../support/context';
import { makeHouseholds, writeBmnWorkbook } from '../support/surveyFiles';

const context = closingContexts();

describe('smoke', () => {
  it('imports', async () => {
    const ctx = context();
    await createNaSai(ctx);
    for (const moo of [1, 2, 3]) await ok(ctx, 'villages.add', { moo, name: `บ้าน ${moo}` });
    const file = await writeBmnWorkbook(path.join(ctx.dir, 'bmn.xlsx'), { households: makeHouseholds(30), title: true, year: 2563, personal: true, twoRowHeader: true, totals: true, formulas: true });
    const inspect = await ok(ctx, 'imports.inspect', { path: file, kind: 'bmn' });
    console.log(JSON.stringify(inspect.sheets[0]!.header), inspect.sheets[0]!.columns.map((c) => `${c.letter}:${c.label}=${c.field}`).join(' | '));
    const out = await runJobInline(ctx, 'import', { path: file, kind: 'bmn' });
    console.log(JSON.stringify({ ...out, preview: out.preview.rows.slice(0, 2) }, null, 1).slice(0, 3000));
    const e = await ok(ctx, 'evidence.bmn', {});
    console.log(JSON.stringify(e.tambon).slice(0, 800));
    expect(out.status).toBe('imported');
  });
});
