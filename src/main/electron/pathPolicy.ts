/**
 * The Electron shell's PathPolicy: a workspace path from the renderer is accepted only when the
 * person chose it, i.e. a native dialog returned it in this session, or it is on the recent list
 * (which only ever holds files opened or created that way). A compromised renderer cannot name
 * any other file (`C:\Windows\…`, a UNC share, another user's folder) for workspace.create,
 * workspace.open or workspace.saveAs. No 'electron' import: unit-tested under plain Node.
 */
import path from 'node:path';
import { refused } from '../../shared/domain/result';
import type { PathPolicy } from '../services/ports';

/** A PathPolicy that accepts only the paths it was told about. */
export interface ChosenPathPolicy extends PathPolicy {
  /** Accepts `file` from now on (a path a dialog returned, or one on the recent list). */
  allow(file: string): void;
}

/**
 * The policy, for `platform`'s path rules (Windows: `\` or `/`, drive letters, UNC, and names
 * compared without regard to case, as NTFS does).
 */
export function chosenPathPolicy(platform: NodeJS.Platform = process.platform): ChosenPathPolicy {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const key = (file: string) => {
    const normal = paths.normalize(file);
    return platform === 'win32' ? normal.toLowerCase() : normal;
  };
  const allowed = new Map<string, string>();
  return {
    allow(file) {
      if (paths.isAbsolute(file)) allowed.set(key(file), paths.normalize(file));
    },
    resolve(userPath) {
      const chosen = paths.isAbsolute(userPath) ? allowed.get(key(userPath)) : undefined;
      if (chosen === undefined) {
        throw refused(
          'ใช้ได้เฉพาะไฟล์ที่เลือกผ่านหน้าต่างเลือกไฟล์ หรือไฟล์ในรายการที่เปิดล่าสุด',
          'Only a file chosen in the file dialog, or one on the recent list, can be used',
          'path',
        );
      }
      return chosen;
    },
  };
}
