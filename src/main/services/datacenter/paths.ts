/** Where a data center keeps its package files, and its area from a bare code (usable in the job worker). */
import path from 'node:path';
import type { Area } from '../../../shared/domain/datacenter';

/** The folder beside a data center file that keeps its package files. */
export function filesDirOf(file: string): string {
  return `${file}-files`;
}

/** A file dropped on the import screen, kept under the files folder by its SHA-256. */
export function stagedPath(filesDir: string, id: string): string {
  if (!/^[0-9a-f]{64}$/.test(id)) throw new Error('not a staged file id');
  return path.join(filesDir, 'staging', `${id}.tpkg`);
}

/** The area of a code, as far as the import needs it (the code; names are for people). */
export function areaFromCode(code: string): Area {
  return { code, kind: code.length === 4 ? 'district' : 'province', nameTh: code, nameEn: code, provinceNameTh: '' };
}
