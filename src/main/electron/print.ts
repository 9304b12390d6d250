/**
 * The print port in the app: a hidden, sandboxed window without a preload loads the
 * self-contained HTML (fonts and images inline) and Electron's printToPDF renders it.
 */
import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron';
import type { PrintPort } from '../services/ports';

type WindowConstructor = new (options: BrowserWindowConstructorOptions) => Pick<BrowserWindowType, 'loadURL' | 'destroy' | 'webContents'>;

/** A print port over hidden windows made by `BrowserWindow`. */
export function electronPrinter(BrowserWindow: WindowConstructor): PrintPort {
  return {
    async pdf(html, options) {
      const window = new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
      });
      try {
        await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
        return await window.webContents.printToPDF({ pageSize: options.pageSize, landscape: options.landscape ?? false, printBackground: true, preferCSSPageSize: true });
      } finally {
        window.destroy();
      }
    },
  };
}
