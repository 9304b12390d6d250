import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../src/shared/domain/result';
import { chosenPathPolicy } from '../../src/main/electron/pathPolicy';

/** The refusal `resolve` throws, or null when it accepts the path. */
function refusal(run: () => unknown): ServiceError | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
}

describe('the Electron path policy (only paths the person chose)', () => {
  it('refuses any path no dialog returned and that is not recent, with a Thai and English message on the path field', () => {
    const policy = chosenPathPolicy('linux');
    const error = refusal(() => policy.resolve('/home/somchai/Documents/nasai.tambon'));
    expect(error).toMatchObject({ code: 'REFUSED', field: 'path' });
    expect(error?.messageTh).toMatch(/[\u0E00-\u0E7F]/);
    expect(error?.message).toMatch(/file dialog/);
  });

  it('accepts a path once allowed (picked in a dialog, or on the recent list), in its normal form', () => {
    const policy = chosenPathPolicy('linux');
    policy.allow('/home/somchai/Documents/nasai.tambon');
    expect(policy.resolve('/home/somchai/Documents/nasai.tambon')).toBe('/home/somchai/Documents/nasai.tambon');
    expect(policy.resolve('/home/somchai/./Documents/../Documents/nasai.tambon')).toBe('/home/somchai/Documents/nasai.tambon');
    // Only that file: not its neighbours, its folder, or another case on a case-sensitive system.
    for (const other of ['/home/somchai/Documents/other.tambon', '/home/somchai/Documents', '/home/somchai/Documents/NASAI.tambon']) {
      expect(refusal(() => policy.resolve(other)), other).toMatchObject({ code: 'REFUSED' });
    }
  });

  it('refuses relative paths, even one that would resolve to an allowed file', () => {
    const policy = chosenPathPolicy('linux');
    policy.allow(`${process.cwd()}/nasai.tambon`);
    policy.allow('nasai.tambon');
    expect(refusal(() => policy.resolve('nasai.tambon'))).toMatchObject({ code: 'REFUSED' });
    expect(refusal(() => policy.resolve('./nasai.tambon'))).toMatchObject({ code: 'REFUSED' });
  });

  it('on Windows: refuses UNC and other drives, and compares without regard to case or slash style', () => {
    const policy = chosenPathPolicy('win32');
    policy.allow('C:\\Users\\Somchai\\Documents\\นาทราย.tambon');
    for (const bad of ['\\\\evil-server\\share\\x.tambon', '//evil-server/share/x.tambon', 'D:\\x.tambon', 'C:\\Windows\\System32\\config\\x.tambon', 'C:x.tambon']) {
      expect(refusal(() => policy.resolve(bad)), bad).toMatchObject({ code: 'REFUSED', field: 'path' });
    }
    expect(policy.resolve('c:/users/somchai/documents/นาทราย.TAMBON')).toBe('C:\\Users\\Somchai\\Documents\\นาทราย.tambon');
  });

  it('accepts a UNC path only if a dialog returned it', () => {
    const policy = chosenPathPolicy('win32');
    policy.allow('\\\\office-nas\\plans\\nasai.tambon');
    expect(policy.resolve('\\\\office-nas\\plans\\nasai.tambon')).toBe('\\\\office-nas\\plans\\nasai.tambon');
    expect(refusal(() => policy.resolve('\\\\office-nas\\plans\\other.tambon'))).toMatchObject({ code: 'REFUSED' });
  });
});
