/**
 * The two IPC channel names the Electron transport uses, shared by main and the preload.
 * Every contract call travels over one invoke channel (the contract's channel name is its first
 * argument), every event over one event channel, so the allow-lists live in one place: the contract.
 * This module imports nothing, so the preload bundle stays small.
 */

/** Renderer → main: `ipcRenderer.invoke(invokeChannel, channel, input)`, answered with the envelope. */
export const invokeChannel = 'tambon:invoke';
/** Main → renderer: `webContents.send(eventChannel, eventName, payload)`. */
export const eventChannel = 'tambon:event';

/** The app's own origin: the custom `app:` scheme, host `tambon`, serving dist/renderer. */
export const appOrigin = 'app://tambon';
/** The page the window loads. */
export const appEntryUrl = `${appOrigin}/index.html`;
