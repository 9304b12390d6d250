import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/rpc/dispatch';
import { allHandlers, loadCapability } from '../../src/main/rpc/handlers';
import { createContext } from '../../src/main/services/context';
import { channelCapability, channels, slices } from '../../src/shared/ipc/contract';
import { capabilities, capabilityOfChannel } from '../../src/shared/ipc/define';
import { createNaSai, fails, ok, resourcesDir, tempDir, testContext } from '../support/context';

describe('dispatch', () => {
  it('has a handler for every channel of the contract and no other', async () => {
    expect(Object.keys(await allHandlers()).sort()).toEqual([...channels].sort());
  });

  it('finds each channel’s capability by its name, to load the capability on its first call', async () => {
    for (const channel of channels) expect(capabilityOfChannel(channel), channel).toBe(channelCapability[channel]);
    for (const capability of capabilities) {
      const loaded = await loadCapability(capability);
      const slice = slices.find((s) => s.capability === capability)!;
      expect(Object.keys(loaded.channels).sort(), capability).toEqual(Object.keys(slice.channels).sort());
      expect(Object.keys(loaded.handlers).sort(), capability).toEqual(Object.keys(slice.channels).sort());
    }
    expect(capabilityOfChannel('nothing.here')).toBeNull();
    expect(capabilityOfChannel('__proto__.x')).toBeNull();
    expect((await dispatch(testContext(), 'forum.noSuchCall', {})).ok).toBe(false);
  });

  it('answers VALIDATION naming the field for a malformed call, and changes nothing', async () => {
    const ctx = testContext();
    await createNaSai(ctx);
    const cases: [string, unknown, string][] = [
      ['villages.add', { moo: '3', name: 'x' }, 'moo'],
      ['villages.add', { moo: 3 }, 'name'],
      ['villages.add', { moo: 3, name: 'x', households: -1 }, 'households'],
      ['villages.add', { moo: 3, name: 'x', extra: true }, 'extra'],
      ['villages.add', 'not an object', 'input'],
      ['villages.add', { moo: 3, name: 'x'.repeat(201) }, 'name'],
      ['villages.update', { moo: 3, name: 'x' }, 'id'],
      ['backups.restore', { file: 42 }, 'file'],
      ['prefs.set', { language: 'fr' }, 'language'],
      ['jobs.start', { kind: 'selfTest', input: { rows: 0, steps: 1 } }, 'input.rows'],
      ['jobs.cancel', {}, 'jobId'],
      ['jobs.get', { jobId: 42 }, 'jobId'],
      ['villages.delete', {}, 'id'],
      ['gazetteer.districts', { provinceCode: '8' }, 'provinceCode'],
      ['workspace.create', { path: 'x', tambonCode: '800108', officeType: 'city', officeName: 'x', framework: { presetId: 'a' } }, 'officeType'],
    ];
    for (const [channel, input, field] of cases) {
      const result = await dispatch(ctx, channel, input);
      expect(result.ok, channel).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.field, channel).toBe(field);
      // The Thai message is Thai: no raw English validator text.
      expect(result.error.messageTh, channel).toMatch(/[\u0E00-\u0E7F]/);
      expect(result.error.messageTh, channel).not.toMatch(/expected|Too small|Too big|Invalid/);
      expect(JSON.stringify(result.error)).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    }
    expect(await ok(ctx, 'villages.list')).toEqual([]);
    expect((await ok(ctx, 'prefs.get')).language).toBe('th');
    expect(ctx.session.workspace?.sqlite.prepare("select count(*) as n from audit_log where action like 'village.%'").get()).toEqual({ n: 0 });
  });

  it('offers developer tools (the self-test) in the harness, never in the installed app: the job itself is refused there', async () => {
    const made = (transport: 'harness' | 'electron') => createContext({ resourcesDir, transport, appVersion: 'test', homeDir: path.join(tempDir(), 'home') });
    expect((await ok(made('harness'), 'app.info')).developer).toBe(true);
    const installed = made('electron');
    expect((await ok(installed, 'app.info')).developer).toBe(false);
    await createNaSai(Object.assign(installed, { dir: tempDir() }));
    const refusedJob = await fails(installed, 'jobs.start', { kind: 'selfTest', input: { rows: 10, steps: 1 } });
    expect(refusedJob.code).toBe('REFUSED');
    expect(refusedJob.messageTh).toContain('เครื่องมือสำหรับนักพัฒนา');
    await ok(installed, 'workspace.close');
  });

  it('refuses an unknown channel', async () => {
    const result = await dispatch(testContext(), 'fs.deleteEverything', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'channel' } });
  });

  it('answers NOT_FOUND when no workspace is open', async () => {
    const result = await dispatch(testContext(), 'villages.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('serves the gazetteer and the framework presets from the shipped data', async () => {
    const ctx = testContext();
    const provinces = await ok(ctx, 'gazetteer.provinces');
    expect(provinces).toHaveLength(77);
    const districts = await ok(ctx, 'gazetteer.districts', { provinceCode: '80' });
    expect(districts).toHaveLength(23);
    const tambons = await ok(ctx, 'gazetteer.tambons', { districtCode: '8001' });
    expect(tambons.map((t: { code: string }) => t.code)).toContain('800108');
    const presets = await ok(ctx, 'frameworks.presets');
    expect(presets.map((p: { id: string }) => p.id)).toEqual(['nst-coop-phase2', 'chainat-province']);
  });
});
