/**
 * The DialogPort over Electron's native file dialogs: choose a workspace file to open, or where
 * to save one, filtered to `.tambon` files; and where to save an export (`.xlsx`, `.pdf`). Titles and filter names follow the `language`
 * preference (texts in strings.ts).
 */
import path from 'node:path';
import type { BaseWindow, Dialog } from 'electron';
import type { DialogPort } from '../services/ports';
import { shellStrings, type ShellLanguage } from './strings';

/** The workspace file extension, without the dot. */
export const workspaceExtension = 'tambon';

/** The dialogs' file filters in `language`: workspaces first, then every file. */
function filtersFor(language: ShellLanguage) {
  const t = shellStrings[language].dialogs;
  return [
    { name: t.workspaceFilter, extensions: [workspaceExtension] },
    { name: t.allFilesFilter, extensions: ['*'] },
  ];
}

/** `file` ending in `.tambon` (a name typed without it gets it, so the open dialog's filter finds it). */
function withExtension(file: string): string {
  return path.extname(file).toLowerCase() === `.${workspaceExtension}` ? file : `${file}.${workspaceExtension}`;
}

/** What the native dialogs need from the shell. */
export interface ElectronDialogsOptions {
  /** The window the dialogs are modal to, when there is one. */
  getWindow: () => BaseWindow | null;
  /** Where a save dialog starts (the person's Documents folder). */
  defaultDir: () => string;
  /** The current `language` preference, read each time a dialog opens. */
  language: () => ShellLanguage;
  /** Told every path a dialog returns (the shell's path policy accepts it from then on). */
  onPicked?: (file: string) => void;
}

/**
 * Native dialogs. Every path a dialog returns is passed to `onPicked` before the renderer sees it.
 */
export function electronDialogs(dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>, options: ElectronDialogsOptions): DialogPort {
  const { getWindow, defaultDir, language, onPicked = () => undefined } = options;
  const picked = (file: string) => {
    onPicked(file);
    return { kind: 'picked' as const, path: file };
  };
  return {
    async pickWorkspace(mode, suggestedName) {
      const window = getWindow();
      const current = language();
      const t = shellStrings[current].dialogs;
      const filters = filtersFor(current);
      if (mode === 'open') {
        const openOptions = { title: t.openTitle, filters, properties: ['openFile' as const] };
        const result = window ? await dialog.showOpenDialog(window, openOptions) : await dialog.showOpenDialog(openOptions);
        const file = result.filePaths[0];
        return result.canceled || !file ? { kind: 'cancelled' } : picked(file);
      }
      const name = withExtension(path.basename(suggestedName?.trim() || t.defaultName));
      const saveOptions = {
        title: t.saveTitle,
        defaultPath: path.join(defaultDir(), name),
        filters,
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const result = window ? await dialog.showSaveDialog(window, saveOptions) : await dialog.showSaveDialog(saveOptions);
      return result.canceled || !result.filePath ? { kind: 'cancelled' } : picked(withExtension(result.filePath));
    },
    async pickExport(suggestedName, format) {
      const window = getWindow();
      const t = shellStrings[language()].dialogs;
      const ext = `.${format}`;
      const name = path.basename(suggestedName.trim() || t.defaultName);
      const saveOptions = {
        title: t.exportTitle,
        defaultPath: path.join(defaultDir(), path.extname(name).toLowerCase() === ext ? name : `${name}${ext}`),
        filters: [
          { name: format === 'xlsx' ? t.xlsxFilter : t.pdfFilter, extensions: [format] },
          { name: t.allFilesFilter, extensions: ['*'] },
        ],
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const result = window ? await dialog.showSaveDialog(window, saveOptions) : await dialog.showSaveDialog(saveOptions);
      if (result.canceled || !result.filePath) return { kind: 'cancelled' };
      return picked(path.extname(result.filePath).toLowerCase() === ext ? result.filePath : `${result.filePath}${ext}`);
    },
  };
}
