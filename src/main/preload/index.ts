/**
 * The sandboxed preload (bundled to one CommonJS file, dist/electron/preload.cjs): exposes exactly
 * `window.api = { invoke, on }`, allowed only the contract's channels and events. Main passes those
 * names as switches (see shared/ipc/electronTransport.ts), so this bundle carries no schemas; main checks the sender
 * and validates every input again.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Api } from '../../shared/ipc/api';
import { allowListFromArgv, channelsSwitch, eventChannel, eventsSwitch, invokeChannel } from '../../shared/ipc/electronTransport';

const allowedChannels = allowListFromArgv(process.argv, channelsSwitch);
const allowedEvents = allowListFromArgv(process.argv, eventsSwitch);

const api: Api = {
  invoke(channel, input) {
    if (!allowedChannels.has(channel)) return Promise.reject(new Error(`Unknown channel: ${String(channel)}`));
    return ipcRenderer.invoke(invokeChannel, channel, input);
  },
  on(event, listener) {
    if (!allowedEvents.has(event)) throw new Error(`Unknown event: ${String(event)}`);
    const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload as never);
    };
    ipcRenderer.on(eventChannel, forward);
    return () => void ipcRenderer.removeListener(eventChannel, forward);
  },
};

contextBridge.exposeInMainWorld('api', api);
