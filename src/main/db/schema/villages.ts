/** The villages capability's tables. */
import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { rowIdentity, type TravelClass } from './identity';

/** หมู่บ้าน (or ชุมชน) of the tambon. Names of people live in {@link villageContacts}. */
export const villages = sqliteTable(
  'villages',
  {
    ...rowIdentity,
    /** หมู่ที่, 1–99; unique among live villages. */
    moo: integer('moo').notNull(),
    name: text('name').notNull(),
    /** 8-digit DOPA village code; null for a ชุมชน of a municipal area. */
    code: text('code'),
    households: integer('households'),
    population: integer('population'),
    isCommunity: integer('is_community', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('villages_live_moo_uq').on(t.moo).where(sql`deleted_at IS NULL`)],
);

/** Contact people of a village (ผู้ใหญ่บ้าน): names of people, so this table never travels. */
export const villageContacts = sqliteTable(
  'village_contacts',
  {
    ...rowIdentity,
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id),
    headman: text('headman'),
  },
  (t) => [uniqueIndex('village_contacts_village_uq').on(t.villageId)],
);

/** The villages capability's tables, by SQL name. */
export const villagesTables = { villages, village_contacts: villageContacts } as const;

/** How each of them travels: the village register does; the names of people never do. */
export const villagesTravel = {
  villages: 'aggregate',
  village_contacts: 'local',
} as const satisfies Record<keyof typeof villagesTables, TravelClass>;
