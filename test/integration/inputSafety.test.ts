/**
 * Input that must be refused cleanly: malformed request bodies, control characters in paths and
 * text, numbers out of range. Each refusal names the field by its label, with the real limit
 * written as people write numbers; nothing is stored, and nothing crashes.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatVillages } from '../../src/main/cli/commands/villages';
import { printable } from '../../src/main/cli/format';
import { jsonText } from '../../src/main/cli/runtime';
import { startHarness, tokenHeader, type Harness } from '../../src/main/harness/server';
import { closingContexts, createNaSai, fails, ok } from '../support/context';

const context = closingContexts();

describe('the harness, given a body that is not an object', () => {
  let harness: Harness;
  beforeAll(async () => {
    const ctx = context();
    const rendererDir = path.join(ctx.dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    harness = await startHarness({ ctx, rendererDir });
  });
  afterAll(() => harness.close());

  const post = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: harness.port,
          method: 'POST',
          path: '/rpc',
          headers: { host: `127.0.0.1:${harness.port}`, 'content-type': 'application/json', [tokenHeader]: harness.token },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode!);
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  it('answers 400 to null, numbers, strings, arrays and broken JSON, and keeps running', async () => {
    // The defect: a body of `null` ended the harness process.
    for (const body of ['null', '42', '"text"', '[]', 'true', '{"channel":', '']) expect(await post(body), body).toBe(400);
    expect(await post(JSON.stringify({ channel: 'prefs.get', input: {} }))).toBe(200);
  });
});

describe('paths', () => {
  it('refuse a NUL or another control character with VALIDATION on the path, and create nothing', async () => {
    const ctx = context();
    for (const bad of ['\u0000a.tambon', 'a\u0000.tambon', 'a\u0007.tambon', 'a\nb.tambon']) {
      const error = await fails(ctx, 'workspace.create', {
        path: path.join(ctx.dir, bad),
        tambonCode: '800108',
        officeType: 'sao',
        officeName: 'อบต.นาทราย',
        framework: { presetId: 'nst-coop-phase2' },
      });
      expect(error, JSON.stringify(bad)).toMatchObject({ code: 'VALIDATION', field: 'path' });
      expect(error.messageTh).toContain('อักขระควบคุม');
    }
    // The defect left a workspace named `.a` in the folder.
    expect(fs.readdirSync(ctx.dir).filter((f) => f !== 'home')).toEqual([]);
    expect((await fails(ctx, 'workspace.open', { path: 'x\u0000.tambon' })).code).toBe('VALIDATION');
  });
});

describe('free text', () => {
  it('refuses control characters and bidi overrides in every free-text field, naming the field by its label', async () => {
    const ctx = context();
    await createNaSai(ctx);
    const cases: [string, Record<string, unknown>, string][] = [
      ['villages.add', { moo: 1, name: '\u0000' }, 'ชื่อหมู่บ้าน'],
      ['villages.add', { moo: 1, name: 'บ้าน\u001b[31mแดง' }, 'ชื่อหมู่บ้าน'],
      ['villages.add', { moo: 1, name: 'บ้าน\u0007' }, 'ชื่อหมู่บ้าน'],
      ['villages.add', { moo: 1, name: 'บ้าน\rนา' }, 'ชื่อหมู่บ้าน'],
      ['villages.add', { moo: 1, name: 'บ้าน\u202eนา' }, 'ชื่อหมู่บ้าน'],
      ['villages.add', { moo: 1, name: 'บ้าน\u0085นา' }, 'ชื่อหมู่บ้าน'],
      ['villages.add', { moo: 1, name: 'บ้านนา', headman: 'นาย\u2066สม' }, 'ชื่อผู้ใหญ่บ้าน'],
      ['prefs.set', { operatorName: 'ผู้ใช้\u0000' }, 'ชื่อผู้ใช้งาน'],
    ];
    for (const [channel, input, label] of cases) {
      const error = await fails(ctx, channel as 'villages.add', input);
      expect(error.code, JSON.stringify(input)).toBe('VALIDATION');
      expect(error.messageTh, JSON.stringify(input)).toContain(label);
      expect(error.messageTh).not.toMatch(/\bname\b|headman|operatorName/);
    }
    expect(await ok(ctx, 'villages.list')).toEqual([]);
  });

  it('stores text trimmed and NFC-normalised', async () => {
    const ctx = context();
    await createNaSai(ctx);
    // "é" typed as e + a combining acute accent (as some keyboards and PDFs give it) is stored as
    // the one precomposed character, so a search or a comparison finds it; spaces are trimmed.
    const decomposed = '  บ้านCafe\u0301  ';
    expect(decomposed.normalize('NFC')).not.toBe(decomposed);
    const village = await ok(ctx, 'villages.add', { moo: 1, name: decomposed, headman: '   ' });
    expect(village.name).toBe('บ้านCaf\u00e9');
    expect(village.headman).toBeNull();
  });

  it('is printed by the CLI as --json with DEL, C1 controls and bidi overrides escaped, the same JSON value', () => {
    const value = { name: 'บ้าน\u202eนา\u0085\u007f' };
    const text = jsonText(value);
    expect(text).not.toMatch(/[\u007f-\u009f\u202a-\u202e]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('is printed by the CLI with every control character made visible, never sent to the terminal', () => {
    expect(printable('บ้าน\u001b[31mแดง\u0007\r')).toBe('บ้าน\\u001b[31mแดง\\u0007\\u000d');
    const table = formatVillages([
      { id: 'x', moo: 1, name: 'บ้าน\u001b[2Jนา', code: '80010801', households: 1, population: 2, headman: '\u202eนาย', isCommunity: false, rev: 1, updatedAt: '' },
    ]);
    // eslint-disable-next-line no-control-regex -- the test looks for control characters on purpose
    expect(table).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(table).toContain('บ้าน\\u001b[2Jนา');
  });
});

describe('numbers out of range', () => {
  it('name the field by its label and the real limit with thousands separators', async () => {
    const ctx = context();
    await createNaSai(ctx);
    // eslint-disable-next-line no-loss-of-precision -- 20 digits as a person might type them; only being past Number.MAX_SAFE_INTEGER matters
    for (const households of [1_000_001, 12_345_678_901_234_567_890]) {
      const error = await fails(ctx, 'villages.add', { moo: 1, name: 'บ้าน', households });
      expect(error).toMatchObject({ code: 'VALIDATION', field: 'households' });
      // The defect: "ครัวเรือน: ช่อง households: ต้องไม่เกิน 1000000" and "…ต้องไม่เกิน 9007199254740991".
      expect(error.messageTh).toBe('จำนวนครัวเรือนต้องอยู่ระหว่าง 0 ถึง 1,000,000');
      expect(error.messageEn).toBe('Households must be from 0 to 1,000,000');
    }
    expect((await fails(ctx, 'villages.add', { moo: 1, name: 'บ้าน', population: -1 })).messageTh).toBe('จำนวนประชากรต้องอยู่ระหว่าง 0 ถึง 1,000,000');
    expect((await fails(ctx, 'villages.add', { moo: 1e20, name: 'บ้าน' })).messageTh).toBe('หมู่ที่ต้องอยู่ระหว่าง 1 ถึง 99');
    const long = await fails(ctx, 'villages.add', { moo: 1, name: 'ก'.repeat(201) });
    expect(long.messageTh).toBe('ชื่อหมู่บ้านยาวได้ไม่เกิน 200 ตัวอักษร');
  });

  it('accept 500 households with 10 people (a warning for the form, not a refusal)', async () => {
    const ctx = context();
    await createNaSai(ctx);
    expect(await ok(ctx, 'villages.add', { moo: 1, name: 'บ้าน', households: 500, population: 10 })).toMatchObject({ households: 500, population: 10 });
  });
});
