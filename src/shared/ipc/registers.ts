/**
 * The registers of people and organisations the assessment draws on (shared/domain/registers.ts):
 * one read of every register, a save per register (no `id`: add), delete by tombstone and its
 * undo, the settings, and the registers' workbook.
 */
import { z } from 'zod';
import { pathField } from '../domain/fields';
import {
  benefitTypes,
  facilitatorSectors,
  fundYearValues,
  learningCentreValues,
  leaderRoles,
  leaderValues,
  organisationKinds,
  organisationValues,
  planItemValues,
  registerSettingsSchema,
  welfareFundValues,
  welfareTiers,
  workingGroupPositions,
  workingGroupValues,
} from '../domain/registers';
import { none } from './common';
import { defineSlice } from './define';

/** The registers a row can be deleted from and restored to. */
export const registerKinds = ['working-group', 'leaders', 'learning-centres', 'welfare-funds', 'fund-years', 'plan-items', 'organisations'] as const;
/** One of {@link registerKinds}. */
export type RegisterKind = (typeof registerKinds)[number];

const id = z.string().min(1).max(100);
const shares = z.object({ contributions: z.number(), lao: z.number(), province: z.number(), capped: z.object({ lao: z.boolean(), province: z.boolean() }) });

/** Every register as the screen and the workbook read it. */
export const registersViewSchema = z.object({
  settings: registerSettingsSchema,
  workingGroup: z.array(
    z.object({
      id,
      kind: z.enum(['member', 'facilitator']),
      name: z.string(),
      position: z.enum(workingGroupPositions.keys).nullable(),
      sector: z.enum(facilitatorSectors.keys).nullable(),
      organisation: z.string().nullable(),
      phone: z.string().nullable(),
    }),
  ),
  leaders: z.array(
    z.object({
      id,
      villageId: id,
      name: z.string(),
      role: z.enum(leaderRoles.keys),
      phone: z.string().nullable(),
      training: z.string().nullable(),
      successor: z.string().nullable(),
      selfAssessment: z.record(z.string(), z.object({ now: z.number().nullable(), aim: z.number().nullable() })),
      importId: z.string().nullable(),
    }),
  ),
  learningCentres: z.array(z.object({ id, name: z.string(), villageId: id.nullable(), activities: z.string().nullable(), peopleServed: z.number().nullable(), importId: z.string().nullable() })),
  welfareFunds: z.array(
    z.object({
      id,
      name: z.string(),
      villageId: id.nullable(),
      tier: z.enum(welfareTiers.keys),
      startYear: z.number().nullable(),
      members: z.number().nullable(),
      monthlyContribution: z.number().nullable(),
      importId: z.string().nullable(),
      years: z.array(
        z.object({
          id,
          year: z.number(),
          members: z.number().nullable(),
          contributions: z.number().nullable(),
          benefits: z.partialRecord(z.enum(benefitTypes.keys), z.number()),
          figures: z.object({ year: z.number(), contributions: z.number().nullable(), estimated: z.boolean(), shares: shares.nullable(), benefitsTotal: z.number() }),
        }),
      ),
      plan: z.array(z.object({ id, heading: z.number(), activity: z.string(), dueDate: z.string().nullable(), done: z.boolean() })),
    }),
  ),
  organisations: z.array(
    z.object({ id, name: z.string(), villageId: id.nullable(), kind: z.enum(organisationKinds.keys), members: z.number().nullable(), capital: z.number().nullable(), importId: z.string().nullable() }),
  ),
});
/** Every register as the screen reads it. */
export type RegistersView = z.infer<typeof registersViewSchema>;

const saved = z.object({ id });
const save = <T extends z.ZodType>(values: T) => z.object({ id: id.optional(), values }).strict();
const rowRef = z.object({ register: z.enum(registerKinds), id }).strict();

/** The tables a read of the registers depends on. */
const reads = ['working_group', 'village_leaders', 'learning_centres', 'welfare_funds', 'welfare_fund_years', 'welfare_plan_items', 'community_organisations', 'register_settings', 'villages'];

/** The registers' calls. */
export const registersSlice = defineSlice({
  capability: 'registers',
  channels: {
    'registers.get': { input: none, output: registersViewSchema, reads },
    'registers.workingGroup.save': { input: save(workingGroupValues), output: saved },
    'registers.leaders.save': { input: save(leaderValues), output: saved },
    'registers.learningCentres.save': { input: save(learningCentreValues), output: saved },
    'registers.welfareFunds.save': { input: save(welfareFundValues), output: saved },
    /** A fund's year: one per fund and year, a second save of the same year changes it. */
    'registers.fundYears.save': { input: z.object({ values: fundYearValues }).strict(), output: saved },
    'registers.planItems.save': { input: save(planItemValues), output: saved },
    'registers.organisations.save': { input: save(organisationValues), output: saved },
    'registers.delete': { input: rowRef, output: rowRef },
    'registers.restore': { input: rowRef, output: rowRef },
    'registers.settings.save': { input: z.object({ settings: registerSettingsSchema }).strict(), output: registerSettingsSchema },
    /** The registers' workbook: one sheet per register, Thai headers the import reads back. */
    'registers.export.xlsx': {
      input: z.object({ path: pathField }).strict(),
      output: z.object({ path: z.string(), bytes: z.number(), sheets: z.array(z.string()), rows: z.number() }),
    },
  },
});
