/**
 * Building a package from a workspace's rows: `data/<table>.csv` per travelling table,
 * `datapackage.json` (Frictionless Data Package v2: each resource with path, bytes,
 * `hash: "sha256:…"` and a Table Schema with its `primaryKey`), `manifest.json` (format, package
 * id, tambon code, seq, previous package's hash, schema and app versions, key id, row counts,
 * hash of datapackage.json) and `manifest.json.minisig` (minisign, prehashed Ed25519, with a
 * trusted comment carrying tambon code and seq). A preview has no signature and seq 0.
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { writeCsv, type CsvCell } from '../../../shared/domain/csv';
import { packageFormat, trustedCommentOf, type Manifest } from '../../../shared/domain/packages';
import type { TableSpec } from './catalog';
import { keyIdHex, signMinisign, type RawKeyPair } from './minisign';
import { writeZip, type ZipInput } from './zip';

/** SHA-256 in hex. */
export function sha256(data: Buffer | string): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** The fixed names inside a package besides its data files. */
export const packageEntries = { manifest: 'manifest.json', signature: 'manifest.json.minisig', datapackage: 'datapackage.json' } as const;

/** The salted hash that stands for a household id in a package (HMAC-SHA-256 under the workspace's salt). */
export function householdHash(salt: Buffer, value: string): string {
  return crypto.createHmac('sha256', salt).update(value, 'utf8').digest('hex');
}

/** A Table Schema field for a column. */
function fieldOf(column: TableSpec['columns'][number]): Record<string, unknown> {
  if (column.type === 'boolean') return { name: column.name, type: 'boolean', trueValues: ['true'], falseValues: ['false'] };
  return { name: column.name, type: column.type };
}

/** A cell of a column as the CSV carries it. */
export function encodeCell(type: TableSpec['columns'][number]['type'], value: unknown): CsvCell {
  if (value === null || value === undefined) return null;
  if (type === 'boolean') return value === 1 || value === true || value === '1' ? 'true' : 'false';
  if (typeof value === 'bigint' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  throw new Error(`a value of type ${typeof value} cannot travel`);
}

/** One table's CSV: the header, then the rows in primary-key order, household ids hashed. */
export function tableCsv(sqlite: Database.Database, table: TableSpec, salt: Buffer | null): { csv: Buffer; rows: number } {
  const columns = table.columns.map((c) => `"${c.name}"`).join(', ');
  const order = (table.primaryKey.length ? table.primaryKey : ['rowid']).map((c) => `"${c}"`).join(', ');
  const statement = sqlite.prepare(`select ${columns} from "${table.name}" order by ${order}`).raw(true);
  const hashed = new Set(table.travel === 'household' ? table.householdColumns : []);
  const records: CsvCell[][] = [table.columns.map((c) => c.name)];
  for (const row of statement.iterate() as Iterable<unknown[]>) {
    records.push(
      table.columns.map((column, i) => {
        const cell = encodeCell(column.type, row[i]);
        return cell !== null && hashed.has(column.name) ? householdHash(salt!, cell) : cell;
      }),
    );
  }
  return { csv: Buffer.from(writeCsv(records), 'utf8'), rows: records.length - 1 };
}

/** What a package is made of before it is zipped. */
export interface PackageParts {
  manifest: Manifest;
  manifestBytes: Buffer;
  datapackageBytes: Buffer;
  files: ZipInput[];
}

/** The fields of the manifest the caller decides. */
export type ManifestFields = Omit<Manifest, 'format' | 'tables' | 'datapackageSha256' | 'keyId'>;

/**
 * Builds the parts of a package from the tables' CSVs and signs the manifest with `key` (a
 * preview passes null: no signature, key id of zeros).
 */
export function buildPackage(
  fields: ManifestFields,
  tables: readonly { spec: TableSpec; csv: Buffer; rows: number }[],
  key: RawKeyPair | null,
): PackageParts & { zip: Buffer } {
  const sorted = [...tables].sort((a, b) => a.spec.name.localeCompare(b.spec.name));
  const datapackage = {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: `tambon-${fields.tambonCode}`,
    id: fields.packageId,
    title: `TambonPlan package ${fields.tambonCode}-${fields.seq}`,
    version: String(fields.seq),
    created: fields.createdAt,
    resources: sorted.map(({ spec, csv }) => ({
      name: spec.name,
      path: `data/${spec.name}.csv`,
      type: 'table',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: csv.length,
      hash: `sha256:${sha256(csv)}`,
      dialect: { $schema: 'https://datapackage.org/profiles/2.0/tabledialect.json', header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true },
      schema: {
        $schema: 'https://datapackage.org/profiles/2.0/tableschema.json',
        fields: spec.columns.map(fieldOf),
        primaryKey: spec.primaryKey,
        missingValues: [''],
      },
      'tambonplan:travel': spec.travel,
    })),
  };
  const datapackageBytes = Buffer.from(`${JSON.stringify(datapackage, null, 2)}\n`, 'utf8');
  const manifest: Manifest = {
    format: packageFormat,
    ...fields,
    keyId: key ? keyIdHex(key.keyId) : '0000000000000000',
    tables: Object.fromEntries(sorted.map(({ spec, rows }) => [spec.name, { travel: spec.travel === 'household' ? 'household' : 'aggregate', rows }])),
    datapackageSha256: sha256(datapackageBytes),
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  const files: ZipInput[] = [{ name: packageEntries.manifest, data: manifestBytes }];
  if (key) files.push({ name: packageEntries.signature, data: Buffer.from(signMinisign(key, manifestBytes, trustedCommentOf(manifest), `TambonPlan package ${fields.tambonCode}-${fields.seq}`), 'utf8') });
  files.push({ name: packageEntries.datapackage, data: datapackageBytes });
  for (const { spec, csv } of sorted) files.push({ name: `data/${spec.name}.csv`, data: csv });
  return { manifest, manifestBytes, datapackageBytes, files, zip: writeZip(files) };
}
