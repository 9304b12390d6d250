/**
 * The data center (province or district): its workspace, the trust registry (enroll, rotate,
 * revoke), importing packages (a job: dry run, then apply), status and acceptance, the
 * dashboards' numbers and the consolidated workbooks.
 */
import { z } from 'zod';
import {
  createDatacenterInputSchema,
  datacenterForms,
  datacenterSummarySchema,
  importOutcomeSchema,
  packageRecordSchema,
  quarantineRecordSchema,
  registryKeySchema,
  statusSchema,
  viewSchema,
} from '../domain/datacenter';
import { pathField } from '../domain/fields';
import { none, pathInput } from './common';
import { defineSlice, type JobKindSpec } from './define';

/** A fingerprint typed or scanned from the enrollment sheet. */
const fingerprintInput = z.string().trim().min(1, { error: 'กรุณาพิมพ์หรือสแกนลายนิ้วมือกุญแจจากใบลงทะเบียน / Type or scan the key fingerprint from the enrollment sheet' }).max(200);

/** Importing packages: a dry run (nothing written) or the apply; progress per package. */
export const datacenterImportJob = {
  title: { th: 'นำเข้าชุดข้อมูล', en: 'Importing packages' },
  store: 'datacenter',
  input: z
    .object({
      /** Package files, or folders whose .tpkg files are all taken. */
      paths: z.array(pathField).max(1000).default([]),
      /** Files dropped on the screen, staged first (`datacenter.stage`). */
      staged: z
        .array(z.object({ id: z.string().regex(/^[0-9a-f]{64}$/), name: z.string().min(1).max(255) }).strict())
        .max(1000)
        .default([]),
      dryRun: z.boolean().default(false),
    })
    .strict(),
  progress: z.object({ file: z.string(), status: z.string() }),
  result: z.object({ packages: z.array(importOutcomeSchema) }),
} satisfies JobKindSpec;

/** The data center's job kinds. */
export const datacenterKinds = { datacenterImport: datacenterImportJob };

/** The tables the data center's screens read. */
const registryTables = ['dc_keys'];
const packageTables = ['dc_packages', 'dc_quarantine', 'dc_acceptances', 'dc_row_history', 'dc_keys'];

/** The data center capability's calls. */
export const datacenterSlice = defineSlice({
  capability: 'datacenter',
  channels: {
    'datacenter.create': { input: createDatacenterInputSchema, output: datacenterSummarySchema },
    'datacenter.open': { input: pathInput, output: datacenterSummarySchema },
    'datacenter.current': { input: none, output: datacenterSummarySchema.nullable(), reads: [...packageTables] },
    'datacenter.close': { input: none, output: z.null() },
    'datacenter.keys': { input: none, output: z.array(registryKeySchema), reads: registryTables },
    'datacenter.enroll': {
      input: z
        .object({
          tambonCode: z.string().regex(/^\d{6}$/, 'รหัสตำบลต้องเป็นตัวเลข 6 หลัก / The tambon code must be 6 digits'),
          /** The public key: the text of the .pub file or its key line (scanned from the QR code), or a file. */
          publicKey: z.string().max(2000).optional(),
          path: pathField.optional(),
          fingerprint: fingerprintInput,
          /** Replace the tambon's current key (a lost key): it is revoked after the last seq accepted from it. */
          replace: z.boolean().default(false),
        })
        .strict(),
      output: registryKeySchema,
    },
    'datacenter.rotate': { input: z.object({ path: pathField, fingerprint: fingerprintInput }).strict(), output: registryKeySchema },
    'datacenter.revoke': {
      input: z.object({ tambonCode: z.string().regex(/^\d{6}$/), afterSeq: z.number().int().min(0).max(1_000_000_000) }).strict(),
      output: registryKeySchema,
    },
    /** A file dropped on the import screen: its bytes are kept under the workspace's files folder for the import. */
    'datacenter.stage': {
      input: z.object({ name: z.string().min(1).max(255), base64: z.string().max(8 * 1024 * 1024) }).strict(),
      output: z.object({ id: z.string(), name: z.string(), bytes: z.number() }),
    },
    'datacenter.status': { input: z.object({ view: viewSchema.default('latest') }).strict(), output: statusSchema, reads: packageTables },
    'datacenter.packages': { input: none, output: z.array(packageRecordSchema), reads: packageTables },
    'datacenter.quarantine': { input: none, output: z.array(quarantineRecordSchema), reads: packageTables },
    'datacenter.accept': {
      input: z.object({ tambonCode: z.string().regex(/^\d{6}$/), sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(), note: z.string().max(500).optional() }).strict(),
      output: z.object({ tambonCode: z.string(), seq: z.number(), sha256: z.string() }),
    },
    'datacenter.dashboard': {
      input: z.object({ view: viewSchema.default('latest') }).strict(),
      output: z.object({
        view: viewSchema,
        reporting: z.array(z.object({ code: z.string(), nameTh: z.string(), districtNameTh: z.string(), seq: z.number().nullable(), createdAt: z.string().nullable() })),
        nothingReceived: z.array(z.object({ code: z.string(), nameTh: z.string(), districtNameTh: z.string() })),
        issues: z.array(
          z.object({
            districtCode: z.string(),
            districtNameTh: z.string(),
            issueNo: z.number(),
            issueNameTh: z.string(),
            problems: z.number(),
            projects: z.number(),
            budget: z.number(),
            bySource: z.object({ local: z.number(), agency: z.number(), province: z.number() }),
            byFunder: z.record(z.string(), z.number()),
          }),
        ),
        flagged: z.array(z.object({ tambonCode: z.string(), tambonNameTh: z.string(), districtNameTh: z.string(), issueNo: z.number(), name: z.string(), budget: z.number() })),
        bmn: z.array(z.object({ indicatorNo: z.number(), tambonsFailing: z.number(), inScope: z.number(), failing: z.number() })),
        /** The self-assessment by district and round label: villages per grade and the tambons' own grades. */
        assessment: z.array(
          z.object({
            districtCode: z.string(),
            districtNameTh: z.string(),
            roundLabel: z.string(),
            tambons: z.number(),
            villages: z.record(z.string(), z.number()),
            villagesUngraded: z.number(),
            tambonGrades: z.record(z.string(), z.number()),
            tambonsUngraded: z.number(),
          }),
        ),
        /** The registers of people by district: working groups, facilitators, leaders (trained, with a successor). */
        registers: z.array(
          z.object({
            districtCode: z.string(),
            districtNameTh: z.string(),
            tambons: z.number(),
            workingGroup: z.number(),
            facilitators: z.number(),
            leaders: z.number(),
            leadersTrained: z.number(),
            leadersWithSuccessor: z.number(),
          }),
        ),
      }),
      reads: packageTables,
    },
    'datacenter.exportXlsx': {
      input: z.object({ form: z.enum(datacenterForms), path: pathField, view: viewSchema.default('latest') }).strict(),
      output: z.object({ file: z.string(), rows: z.number() }),
    },
  },
});
