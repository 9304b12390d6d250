/**
 * The app itself: what build and transport the page talks to, the displays a window can go to,
 * more windows (the forum's projector view), and the commands of the Electron application menu.
 */
import { z } from 'zod';
import { none } from './common';
import { defineSlice } from './define';

/** The views a window of the app can show: the editor, or the large-text projector view. */
export const windowViews = ['editor', 'projector'] as const;
/** One of {@link windowViews}. */
export type WindowView = (typeof windowViews)[number];

/** A display a window can be opened on. */
export const displaySchema = z.object({
  id: z.number(),
  label: z.string(),
  primary: z.boolean(),
  bounds: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }),
});
/** A display a window can be opened on. */
export type Display = z.infer<typeof displaySchema>;

/**
 * What the Electron application menu asks the renderer to do (ไฟล์ → สร้างใหม่, เปิด…, บันทึกเป็น…,
 * กู้คืนจากสำรอง…, ปิดพื้นที่ทำงาน); the renderer runs the same flow as its own buttons.
 */
export const menuCommands = ['workspace.new', 'workspace.open', 'workspace.saveAs', 'backups.restore', 'workspace.close'] as const;
/** One of {@link menuCommands}. */
export type MenuCommand = (typeof menuCommands)[number];

/** The app's calls and events. */
export const appSlice = defineSlice({
  capability: 'app',
  channels: {
    'app.info': {
      input: none,
      output: z.object({
        version: z.string(),
        transport: z.enum(['electron', 'harness']),
        platform: z.string(),
        /** Developer tools (the self-test job) are shown: the harness, or an unpackaged app. */
        developer: z.boolean(),
      }),
    },
    'app.displays': { input: none, output: z.array(displaySchema) },
    'windows.open': {
      input: z.object({ view: z.enum(windowViews), displayId: z.number().int().optional() }).strict(),
      output: z.union([
        z.object({ kind: z.literal('opened') }),
        /** The browser harness has no windows of its own: the page opens one with the same token. */
        z.object({ kind: z.literal('open-in-page') }),
      ]),
    },
  },
  events: {
    /** A command chosen in the Electron application menu, for the renderer to carry out with its own flow. */
    'menu.command': z.object({ command: z.enum(menuCommands) }),
  },
});
