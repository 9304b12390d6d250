/**
 * Preferences (operator name, language, recent workspaces), kept as JSON in the app data
 * folder and written atomically.
 */
import path from 'node:path';
import { preferencesSchema, type Preferences } from '../../../shared/domain/workspace';
import type { AppContext } from '../context';
import { writeFileAtomic } from '../ports';

const maxRecent = 10;

function preferencesFile(ctx: AppContext): string {
  return path.join(ctx.homeDir, 'preferences.json');
}

/** Reads the preferences; a missing or unreadable file gives the defaults. */
export async function readPreferences(ctx: AppContext): Promise<Preferences> {
  try {
    const raw = JSON.parse((await ctx.fs.readFile(preferencesFile(ctx))).toString('utf8')) as unknown;
    const parsed = preferencesSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
  } catch {
    // Missing or corrupt: start from the defaults (the file is rewritten on the next change).
  }
  return preferencesSchema.parse({});
}

/** Applies `patch` and writes the preferences back. */
export async function updatePreferences(ctx: AppContext, patch: Partial<Preferences>): Promise<Preferences> {
  const next = preferencesSchema.parse({ ...(await readPreferences(ctx)), ...patch });
  await writeFileAtomic(ctx.fs, preferencesFile(ctx), `${JSON.stringify(next, null, 2)}\n`);
  return next;
}

/** Puts a workspace at the top of the recent list. */
export async function rememberRecent(ctx: AppContext, file: string, label: string): Promise<void> {
  const prefs = await readPreferences(ctx);
  const recent = [
    { path: file, label, openedAt: ctx.clock().toISOString() },
    ...prefs.recent.filter((r) => r.path !== file),
  ].slice(0, maxRecent);
  await updatePreferences(ctx, { recent });
}
