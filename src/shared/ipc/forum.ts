/**
 * The forum's calls and events (เวทีประชาคมตำบล): the plan's settings, village plans, the forum
 * record and participants, the analysis boards, classification, problem–cause–solution rows,
 * projects, ranking and decisions, the readiness check, the Excel exports and the projector.
 *
 * Rows that people edit together (from the editor and a second window) change through
 * `…update` calls that carry the `rev` the editor loaded and the `base` values of the fields it
 * changes (see `patchInput`): a change to a field someone else changed meanwhile is refused as
 * CONFLICT instead of overwriting it.
 */
import { z } from 'zod';
import {
  analysisBoards,
  analysisItemSchema,
  analysisValues,
  decisionSchema,
  forumLabels,
  forumLimits,
  forumRecordInput,
  forumRecordSchema,
  funderSchema,
  funderValues,
  idListSchema,
  moveInput,
  officeSchema,
  officeValues,
  participantSchema,
  participantValues,
  patchInput,
  pcsRowSchema,
  pcsValues,
  planSettingsInput,
  planSettingsSchema,
  projectSchema,
  projectValues,
  rowIdSchema,
  tieBreakInput,
  villageItemKinds,
  villageItemSchema,
  villageItemValues,
  villagePlanInput,
  villagePlanSchema,
} from '../domain/forum';
import { pathField, textField } from '../domain/fields';
import { projectorStateSchema, projectorViews } from '../domain/projector';
import { readinessItemSchema } from '../domain/readiness';
import { idInput, none } from './common';
import { defineSlice } from './define';

/** Where a new row goes: after the row `after` (null or absent: at the end). */
const after = rowIdSchema.nullable().optional();

/** The workbooks the forum exports (form ผ.02 and the Chainat tables, the register, the village-plan template). */
export const exportForms = ['pcs', 'projects', 'p02', 'register', 'village-plans'] as const;
/** One of {@link exportForms}. */
export type ExportForm = (typeof exportForms)[number];

/** The ranking of one issue as the screens show it. */
export const rankingSchema = z.object({
  issueId: z.string(),
  ranked: z.array(z.object({ id: z.string(), votes: z.number(), rank: z.number(), decisionId: z.string().nullable(), undecided: z.boolean() })),
  unranked: z.array(z.string()),
  undecidedTies: z.array(z.array(z.string())),
  fewerThanMinimum: z.boolean(),
  decisions: z.array(decisionSchema),
});
/** The ranking of one issue. */
export type RankingView = z.infer<typeof rankingSchema>;

/** The tables every forum list reads, for the renderer's cache. */
const settingsTables = ['forum_settings', 'offices', 'funders'] as const;
const pcsTables = ['pcs_rows', 'pcs_evidence_links'] as const;
const everyForumTable = [
  'forum_settings',
  'funders',
  'offices',
  'village_plans',
  'village_items',
  'villages',
  'strategic_issues',
  'forum_records',
  'participants',
  'pcs_rows',
  'pcs_evidence_links',
  'projects',
  'forum_decisions',
] as const;

/** The forum's calls and events. */
export const forumSlice = defineSlice({
  capability: 'forum',
  channels: {
    /** The framework's strategic issues with their row ids (the classification board, the tables' tabs). */
    'forum.issues.list': {
      input: none,
      output: z.array(z.object({ id: z.string(), no: z.number(), nameTh: z.string() })),
      reads: ['strategic_issues', 'frameworks'],
    },
    /** Counts per issue for the tabs (problem rows, projects, ranked projects, village items), without loading the rows. */
    'forum.overview': {
      input: none,
      output: z.array(z.object({ issueId: z.string(), pcs: z.number(), projects: z.number(), ranked: z.number(), items: z.number() })),
      reads: ['pcs_rows', 'projects', 'village_items', 'strategic_issues'],
    },
    // ---- the plan's settings, funders, offices
    'forum.settings.get': {
      input: none,
      output: z.object({ plan: planSettingsSchema, stored: z.boolean(), offices: z.array(officeSchema), funders: z.array(funderSchema) }),
      reads: settingsTables,
    },
    'forum.settings.save': { input: planSettingsInput, output: planSettingsSchema },
    'forum.funders.add': { input: funderValues.strict(), output: funderSchema },
    'forum.funders.addCommon': { input: none, output: z.array(funderSchema) },
    'forum.funders.update': { input: patchInput(funderValues.partial().strict()), output: funderSchema },
    'forum.funders.delete': { input: idInput, output: funderSchema },
    'forum.funders.restore': { input: idInput, output: funderSchema },
    'forum.offices.add': { input: officeValues.strict(), output: officeSchema },
    'forum.offices.update': { input: patchInput(officeValues.partial().strict()), output: officeSchema },
    'forum.offices.delete': { input: idInput, output: officeSchema },

    // ---- village community plans
    'forum.villagePlans.list': {
      input: none,
      output: z.object({ plans: z.array(villagePlanSchema), items: z.array(villageItemSchema) }),
      reads: ['village_plans', 'village_items', 'villages'],
    },
    'forum.villagePlans.set': { input: villagePlanInput, output: villagePlanSchema },
    'forum.villageItems.add': {
      input: z.object({ villageId: rowIdSchema, kind: z.enum(villageItemKinds), after, values: villageItemValues.partial().strict().optional() }).strict(),
      output: villageItemSchema,
    },
    'forum.villageItems.update': { input: patchInput(villageItemValues.partial().strict()), output: villageItemSchema },
    'forum.villageItems.move': { input: moveInput, output: z.array(villageItemSchema) },
    'forum.villageItems.delete': { input: idInput, output: villageItemSchema },
    'forum.villageItems.restore': { input: idInput, output: villageItemSchema },
    /** The classification board: puts an item under an issue (null: unclassified). `from` is where the board saw it. */
    'forum.villageItems.classify': {
      input: z.object({ id: rowIdSchema, issueId: rowIdSchema.nullable(), from: rowIdSchema.nullable() }).strict(),
      output: villageItemSchema,
    },

    // ---- the forum record and participants
    'forum.record.get': { input: none, output: forumRecordSchema, reads: ['forum_records', 'forum_facilitators'] },
    'forum.record.update': {
      input: z
        .object({ rev: z.number().int().nullable(), patch: forumRecordInput.partial().strict(), base: z.record(z.string(), z.unknown()).optional() })
        .strict(),
      output: forumRecordSchema,
    },
    'forum.participants.list': { input: none, output: z.array(participantSchema), reads: ['participants'] },
    'forum.participants.add': { input: z.object({ after, values: participantValues.strict() }).strict(), output: participantSchema },
    'forum.participants.update': { input: patchInput(participantValues.partial().strict()), output: participantSchema },
    'forum.participants.move': { input: moveInput, output: z.array(participantSchema) },
    'forum.participants.delete': { input: idInput, output: participantSchema },
    'forum.participants.restore': { input: idInput, output: participantSchema },

    // ---- the tambon analysis boards
    'forum.analysis.list': { input: none, output: z.array(analysisItemSchema), reads: ['analysis_items'] },
    'forum.analysis.add': {
      input: z.object({ board: z.enum(analysisBoards), after, values: analysisValues.partial().strict().optional() }).strict(),
      output: analysisItemSchema,
    },
    'forum.analysis.update': { input: patchInput(analysisValues.partial().strict()), output: analysisItemSchema },
    'forum.analysis.move': { input: moveInput, output: z.array(analysisItemSchema) },
    'forum.analysis.delete': { input: idInput, output: analysisItemSchema },
    'forum.analysis.restore': { input: idInput, output: analysisItemSchema },

    // ---- problem–cause–solution tables
    'forum.pcs.list': { input: z.object({ issueId: rowIdSchema.optional() }).strict(), output: z.array(pcsRowSchema), reads: pcsTables },
    'forum.pcs.add': {
      input: z.object({ issueId: rowIdSchema, after, values: pcsValues.partial().strict().optional() }).strict(),
      output: pcsRowSchema,
    },
    'forum.pcs.update': { input: patchInput(pcsValues.partial().strict()), output: pcsRowSchema },
    'forum.pcs.move': { input: moveInput, output: z.array(pcsRowSchema) },
    'forum.pcs.delete': { input: idInput, output: pcsRowSchema },
    'forum.pcs.restore': { input: idInput, output: pcsRowSchema },
    /**
     * Evidence items that can be attached to a problem row: the figures pinned on the data
     * dashboards (`evidenceKey` is the item's id), with a line of value, source and date.
     */
    'forum.evidence.candidates': {
      input: z.object({ pcsRowId: rowIdSchema }).strict(),
      output: z.array(z.object({ evidenceKey: z.string(), label: z.string(), detail: z.string().nullable() })),
      // A pin, an unpin or an undone import (the item's detail says so) refreshes the list.
      reads: [...pcsTables, 'evidence_items', 'imports'],
    },
    'forum.evidence.link': { input: z.object({ pcsRowId: rowIdSchema, evidenceKey: z.string().min(1).max(200) }).strict(), output: pcsRowSchema },
    'forum.evidence.unlink': { input: z.object({ linkId: rowIdSchema }).strict(), output: pcsRowSchema },

    // ---- projects, votes, ranking, decisions
    'forum.projects.list': { input: z.object({ issueId: rowIdSchema.optional() }).strict(), output: z.array(projectSchema), reads: ['projects'] },
    'forum.projects.add': {
      input: z.object({ issueId: rowIdSchema, after, values: projectValues.partial().required({ name: true }).strict() }).strict(),
      output: projectSchema,
    },
    'forum.projects.update': { input: patchInput(projectValues.partial().strict()), output: projectSchema },
    'forum.projects.move': { input: moveInput, output: z.array(projectSchema) },
    'forum.projects.delete': { input: idInput, output: projectSchema },
    'forum.projects.restore': { input: idInput, output: projectSchema },
    'forum.ranking.get': { input: z.object({ issueId: rowIdSchema }).strict(), output: rankingSchema, reads: ['projects', 'forum_decisions'] },
    'forum.decisions.list': { input: z.object({ issueId: rowIdSchema.optional() }).strict(), output: z.array(decisionSchema), reads: ['forum_decisions'] },
    'forum.decisions.tieBreak': { input: tieBreakInput, output: decisionSchema },
    'forum.decisions.note': {
      input: z
        .object({
          issueId: rowIdSchema,
          rowIds: idListSchema,
          note: textField(forumLabels.minutes, { max: forumLimits.longText, multiline: true }),
        })
        .strict(),
      output: decisionSchema,
    },
    'forum.decisions.delete': { input: idInput, output: decisionSchema },
    'forum.decisions.restore': { input: idInput, output: decisionSchema },

    // ---- readiness and exports
    'forum.readiness': {
      input: none,
      output: z.object({ items: z.array(readinessItemSchema), missing: z.number(), checks: z.number() }),
      reads: everyForumTable,
    },
    /** Asks where to save an export: a native save dialog in the app, the in-page prompt in the harness. */
    'forum.export.xlsx': {
      input: z.object({ form: z.enum(exportForms), path: pathField }).strict(),
      output: z.object({ path: z.string(), bytes: z.number(), sheets: z.array(z.string()), rows: z.number() }),
    },
    /**
     * The same form as a PDF (A4 landscape, the header repeated on every page), printed from the
     * same filled workbook; `pages` is the number of printed pages.
     */
    'forum.export.pdf': {
      input: z.object({ form: z.enum(exportForms), path: pathField }).strict(),
      output: z.object({ path: z.string(), bytes: z.number(), sheets: z.array(z.string()), rows: z.number(), pages: z.number() }),
    },

    // ---- the projector
    'forum.projector.get': { input: none, output: projectorStateSchema, reads: [] },
    'forum.projector.set': {
      input: z
        .object({
          view: z.enum(projectorViews).optional(),
          issueId: rowIdSchema.nullable().optional(),
          villageId: rowIdSchema.nullable().optional(),
          locked: z.boolean().optional(),
          autoPage: z.boolean().optional(),
          follow: z.boolean().optional(),
        })
        .strict(),
      output: projectorStateSchema,
    },
    /** ←/→: the next or previous issue (village in the village view). */
    'forum.projector.step': { input: z.object({ delta: z.union([z.literal(-1), z.literal(1)]) }).strict(), output: projectorStateSchema },
    'forum.projector.page': { input: z.object({ delta: z.union([z.literal(-1), z.literal(1)]) }).strict(), output: projectorStateSchema },
    'forum.projector.reveal': {
      input: z.union([
        z.object({ mode: z.enum(['on', 'off', 'next', 'all']) }).strict(),
        z.object({ mode: z.literal('row'), rowId: rowIdSchema }).strict(),
      ]),
      output: projectorStateSchema,
    },
    'forum.projector.countdown': {
      input: z.union([
        z.object({ action: z.literal('start'), minutes: z.number().min(0.25).max(180).optional() }).strict(),
        z.object({ action: z.enum(['pause', 'reset', 'hide']) }).strict(),
      ]),
      output: projectorStateSchema,
    },
  },
  events: {
    /** The projector's state changed (every window shows the same). */
    'forum.projector.changed': projectorStateSchema,
    /**
     * A problem row or a project was saved (after its `data.changed`): the row as stored, so the
     * projector and other windows show an edit without loading the list again.
     */
    'forum.row.saved': z.union([z.object({ table: z.literal('pcs_rows'), row: pcsRowSchema }), z.object({ table: z.literal('projects'), row: projectSchema })]),
  },
});
