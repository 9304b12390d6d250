/**
 * Shipped reference data: the DOPA gazetteer and the strategy-framework presets, read from
 * `resources/data` once and kept in memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AdminArea } from '../../../shared/domain/admin';
import { parentCodes } from '../../../shared/domain/admin';
import { ServiceError } from '../../../shared/domain/result';
import type { Framework } from '../../../shared/domain/workspace';

interface GazetteerFile {
  provinces: AdminArea[];
  districts: (AdminArea & { provinceCode: string })[];
  subdistricts: (AdminArea & { districtCode: string; postcode: string })[];
}

/** The gazetteer, indexed for the pickers. */
export interface Gazetteer {
  provinces: AdminArea[];
  districtsOf(provinceCode: string): AdminArea[];
  tambonsOf(districtCode: string): AdminArea[];
  tambon(code: string): { tambon: AdminArea; district: AdminArea; province: AdminArea };
}

const strip = ({ code, nameTh, nameEn }: AdminArea): AdminArea => ({ code, nameTh, nameEn });
const cache = new Map<string, Gazetteer>();

/** Loads (once per resources folder) the gazetteer from `th-admin-areas.json`. */
export function loadGazetteer(resourcesDir: string): Gazetteer {
  const cached = cache.get(resourcesDir);
  if (cached) return cached;
  const file = JSON.parse(fs.readFileSync(path.join(resourcesDir, 'data', 'th-admin-areas.json'), 'utf8')) as GazetteerFile;
  const byCode = new Map<string, AdminArea>();
  const children = new Map<string, AdminArea[]>();
  for (const p of file.provinces) byCode.set(p.code, strip(p));
  for (const d of file.districts) {
    byCode.set(d.code, strip(d));
    children.set(d.provinceCode, [...(children.get(d.provinceCode) ?? []), strip(d)]);
  }
  for (const t of file.subdistricts) {
    byCode.set(t.code, strip(t));
    const list = children.get(t.districtCode) ?? [];
    list.push(strip(t));
    children.set(t.districtCode, list);
  }
  const gazetteer: Gazetteer = {
    provinces: file.provinces.map(strip),
    districtsOf: (code) => children.get(code) ?? [],
    tambonsOf: (code) => children.get(code) ?? [],
    tambon(code) {
      const { provinceCode, districtCode } = parentCodes(code);
      const tambon = code.length === 6 ? byCode.get(code) : undefined;
      const district = byCode.get(districtCode);
      const province = byCode.get(provinceCode);
      if (!tambon || !district || !province) {
        throw new ServiceError('NOT_FOUND', `ไม่พบรหัสตำบล ${code} ในทะเบียนเขตการปกครอง`, `No tambon with code ${code} in the gazetteer`, 'tambonCode');
      }
      return { tambon, district, province };
    },
  };
  cache.set(resourcesDir, gazetteer);
  return gazetteer;
}

/** The shipped strategy-framework presets (`strategy-frameworks.json`). */
export function loadFrameworkPresets(resourcesDir: string): Framework[] {
  const file = JSON.parse(fs.readFileSync(path.join(resourcesDir, 'data', 'strategy-frameworks.json'), 'utf8')) as {
    frameworks: { id: string; nameTh: string; provinceCode?: string; issues: { no: number; nameTh: string }[] }[];
  };
  return file.frameworks.map((f) => ({
    id: f.id,
    nameTh: f.nameTh,
    provinceCode: f.provinceCode ?? null,
    issues: f.issues.map(({ no, nameTh }) => ({ no, nameTh })),
  }));
}
