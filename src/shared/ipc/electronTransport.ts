/**
 * The names the Electron transport uses, shared by main (src/main/electron) and the sandboxed
 * preload. Every contract call travels over one invoke channel (the contract's channel name is its
 * first argument) and every event over one event channel, so the allow-lists live in one place:
 * the contract. This module imports nothing, so the preload bundle stays small.
 */

/** Renderer → main: `ipcRenderer.invoke(invokeChannel, channel, input)`, answered with the envelope. */
export const invokeChannel = 'tambon:invoke';
/** Main → renderer: `webContents.send(eventChannel, eventName, payload)`. */
export const eventChannel = 'tambon:event';

/**
 * The preload's allow-lists travel from main as two command-line switches of the renderer
 * (`webPreferences.additionalArguments`, read from `process.argv` in the sandboxed preload), so
 * the preload need not bundle the contract's zod schemas (~750 kB, tens of milliseconds on every
 * page load) to learn the channel names. Missing switches allow nothing.
 */
export const channelsSwitch = '--tambon-channels=';
/** The switch carrying the event names; see {@link channelsSwitch}. */
export const eventsSwitch = '--tambon-events=';

/** The switch carrying `names` (each `[A-Za-z0-9_.-]+`; anything else is a programming error). */
export function allowListSwitch(prefix: string, names: readonly string[]): string {
  for (const name of names) {
    if (!/^[\w.-]+$/.test(name)) throw new Error(`IPC name not safe for a command-line switch: ${name}`);
  }
  return prefix + names.join(',');
}

/** The names a switch in `argv` carries; an empty set when it is absent. */
export function allowListFromArgv(argv: readonly string[], prefix: string): Set<string> {
  const arg = argv.find((a) => a.startsWith(prefix));
  return new Set(arg ? arg.slice(prefix.length).split(',').filter(Boolean) : []);
}
