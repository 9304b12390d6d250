/**
 * Test contexts over real SQLite files in a fresh temporary folder; fakes only at the OS ports.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from '../../src/shared/ipc/contract';
import type { AppError } from '../../src/shared/domain/result';
import { createContext, type AppContext } from '../../src/main/services/context';
import { dispatch } from '../../src/main/rpc/dispatch';
import { allHandlers } from '../../src/main/rpc/handlers';

// Main loads a capability on its first call; a test file loads them all here, when it starts, so
// no test pays for loading (and transforming) a capability's modules inside its own time limit.
await allHandlers();

/** The repository's resources folder. */
export const resourcesDir = path.resolve(__dirname, '../../resources');

/** A fresh temporary folder, removed by the caller's cleanup. */
export function tempDir(prefix = 'tambon-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A context with its own home folder and a record of the events it emitted. */
export function testContext(overrides: Partial<AppContext> = {}): AppContext & { dir: string; events: { event: EventName; payload: unknown }[] } {
  const dir = tempDir();
  const events: { event: EventName; payload: unknown }[] = [];
  const ctx = createContext({
    resourcesDir,
    // The app's behaviour (the recent list is kept); the CLI's own tests run the CLI itself.
    transport: 'electron',
    // As when the app runs from source: developer tools (the self-test job) are on.
    developer: true,
    appVersion: '0.0.0-test',
    homeDir: path.join(dir, 'home'),
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => {
      events.push({ event, payload });
    },
    ...overrides,
  });
  return Object.assign(ctx, { dir, events });
}

/** The input argument of {@link ok}: optional where the channel takes none. */
type InputArg<C extends Channel> = Record<string, never> extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>];

/**
 * Calls a channel through dispatch (which, under tests, also checks the answer against the
 * contract) and returns its value, failing the test with the error otherwise. Typed by channel:
 * a renamed channel or a changed output fails to compile.
 */
export async function ok<C extends Channel>(ctx: AppContext, channel: C, ...[input]: InputArg<C>): Promise<ChannelOutput<C>> {
  const result = await dispatch(ctx, channel, input ?? {});
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as ChannelOutput<C>;
}

/** Calls a channel expecting an error, and returns it; the input may be anything (malformed on purpose). */
export async function fails(ctx: AppContext, channel: Channel, input: unknown = {}): Promise<AppError> {
  const result = await dispatch(ctx, channel, input);
  if (result.ok) throw new Error(`${channel} unexpectedly succeeded: ${JSON.stringify(result.value)}`);
  return result.error;
}

/** Creates (and opens) a workspace for ต.นาทราย (800108) with the NST framework. */
export async function createNaSai(ctx: AppContext, name = 'nasai.tambon') {
  return ok(ctx, 'workspace.create', {
    path: path.join((ctx as AppContext & { dir: string }).dir, name),
    tambonCode: '800108',
    officeType: 'sao',
    officeName: 'องค์การบริหารส่วนตำบลนาทราย',
    framework: { presetId: 'nst-coop-phase2' },
  });
}

/**
 * A `context()` maker for a test file: every context it made has its workspace closed after
 * each test, so no SQLite connection outlives its test.
 */
export function closingContexts(): () => ReturnType<typeof testContext> {
  const made: AppContext[] = [];
  afterEach(async () => {
    for (const ctx of made.splice(0)) await dispatch(ctx, 'workspace.close', {});
  });
  return () => {
    const ctx = testContext();
    made.push(ctx);
    return ctx;
  };
}
