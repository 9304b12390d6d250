/**
 * The DialogPort over Electron's native file dialogs: choose a workspace file to open, or where
 * to save one, filtered to `.tambon` files.
 */
import path from 'node:path';
import type { BaseWindow, Dialog } from 'electron';
import type { DialogPort } from '../services/ports';

/** The workspace file extension, without the dot. */
export const workspaceExtension = 'tambon';

const filters = [
  { name: 'พื้นที่ทำงาน TambonPlan', extensions: [workspaceExtension] },
  { name: 'ทุกไฟล์ / All files', extensions: ['*'] },
];

/** `file` ending in `.tambon` (a name typed without it gets it, so the open dialog's filter finds it). */
function withExtension(file: string): string {
  return path.extname(file).toLowerCase() === `.${workspaceExtension}` ? file : `${file}.${workspaceExtension}`;
}

/**
 * Native dialogs, modal to the window `getWindow` gives (when there is one). `defaultDir` is where
 * a save dialog starts (the person's Documents folder). Every path a dialog returns is passed to
 * `onPicked` (the shell's path policy accepts it from then on) before the renderer sees it.
 */
export function electronDialogs(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
  getWindow: () => BaseWindow | null,
  defaultDir: () => string,
  onPicked: (file: string) => void = () => undefined,
): DialogPort {
  const picked = (file: string) => {
    onPicked(file);
    return { kind: 'picked' as const, path: file };
  };
  return {
    async pickWorkspace(mode, suggestedName) {
      const window = getWindow();
      if (mode === 'open') {
        const options = { title: 'เปิดพื้นที่ทำงาน', filters, properties: ['openFile' as const] };
        const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
        const file = result.filePaths[0];
        return result.canceled || !file ? { kind: 'cancelled' } : picked(file);
      }
      const name = withExtension(path.basename(suggestedName?.trim() || 'พื้นที่ทำงาน'));
      const options = {
        title: 'บันทึกพื้นที่ทำงาน',
        defaultPath: path.join(defaultDir(), name),
        filters,
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? { kind: 'cancelled' } : picked(withExtension(result.filePath));
    },
  };
}
