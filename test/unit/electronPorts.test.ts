/** The Electron shell's secret store and print port, over fakes of safeStorage and BrowserWindow. */
import { describe, expect, it } from 'vitest';
import { electronPrinter } from '../../src/main/electron/print';
import { electronSecrets } from '../../src/main/electron/secrets';

const storage = (backend: string, available = true) => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend as never,
  encryptString: (text: string) => Buffer.from(`sealed:${text}`),
  decryptString: (data: Buffer) => data.toString().replace(/^sealed:/, ''),
});

describe('the secret store', () => {
  it('remembers a key only where the OS protects it: never on basic_text, nor without encryption', () => {
    expect(electronSecrets(storage('basic_text'), 'linux').available()).toBe(false);
    expect(() => electronSecrets(storage('basic_text'), 'linux').protect(Buffer.from('x'))).toThrow();
    expect(electronSecrets(storage('gnome_libsecret'), 'linux').available()).toBe(true);
    expect(electronSecrets(storage('unknown'), 'win32').available()).toBe(true);
    expect(electronSecrets(storage('unknown', false), 'win32').available()).toBe(false);
    expect(electronSecrets(undefined).available()).toBe(false);
    const store = electronSecrets(storage('kwallet5'), 'linux');
    const secret = Buffer.from([1, 2, 3, 250]);
    expect(store.unprotect(store.protect(secret)).equals(secret)).toBe(true);
  });
});

describe('the print port', () => {
  it('prints in a hidden, sandboxed window without scripts, and always destroys it', async () => {
    const made: { options: unknown; url?: string; destroyed: boolean }[] = [];
    class FakeWindow {
      record: { options: unknown; url?: string; destroyed: boolean };
      webContents = { printToPDF: (o: { pageSize: string }) => Promise.resolve(Buffer.from(`%PDF ${o.pageSize}`)) };
      constructor(options: unknown) {
        this.record = { options, destroyed: false };
        made.push(this.record);
      }
      loadURL(url: string) {
        this.record.url = url;
        return Promise.resolve();
      }
      destroy() {
        this.record.destroyed = true;
      }
    }
    const pdf = await electronPrinter(FakeWindow as never).pdf('<p>ใบลงทะเบียน</p>', { pageSize: 'A4' });
    expect(pdf.toString()).toBe('%PDF A4');
    expect(made[0]).toMatchObject({ destroyed: true, options: { show: false, webPreferences: { sandbox: true, javascript: false, nodeIntegration: false } } });
    expect(Buffer.from(made[0]!.url!.split(',')[1]!, 'base64').toString()).toBe('<p>ใบลงทะเบียน</p>');
  });
});
