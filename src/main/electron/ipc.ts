/**
 * The Electron IPC transport: one invoke handler carrying every contract call to `dispatch`,
 * after checking the sender, and one event channel back to every window of the app.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Envelope } from '../../shared/domain/result';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import { dispatch } from '../rpc/dispatch';
import type { AppContext } from '../services/context';
import { eventChannel, invokeChannel } from '../../shared/ipc/electronTransport';

/** The answer to a call from a frame that is not one of our windows' own page. */
export function refusedSenderEnvelope(): Envelope<never> {
  return {
    ok: false,
    error: {
      code: 'REFUSED',
      messageTh: 'ปฏิเสธคำสั่งที่ไม่ได้มาจากหน้าต่างของโปรแกรม',
      messageEn: 'Refused a call that did not come from the application window',
    },
  };
}

/**
 * Registers the one invoke handler: a call whose sender `isTrusted` refuses gets a `REFUSED`
 * envelope and never reaches `dispatch`; every other call is validated and run by `dispatch`.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  ctx: AppContext,
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
): void {
  ipcMain.handle(invokeChannel, async (event, channel: unknown, input: unknown): Promise<Envelope<unknown>> => {
    if (!isTrusted(event)) {
      console.warn(`refused IPC call ${String(channel)} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
      return refusedSenderEnvelope();
    }
    return dispatch(ctx, channel, input);
  });
}

/**
 * The context's `emit` for Electron: sends each event to the page of every window of the app
 * (`getContents` is read on each event, as windows open and close), skipping any already destroyed.
 */
export function eventSender(getContents: () => Iterable<Pick<WebContents, 'isDestroyed' | 'send'>>) {
  return <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    for (const contents of getContents()) {
      if (!contents.isDestroyed()) contents.send(eventChannel, event, payload);
    }
  };
}
