/**
 * The Thai application menu. Items that act on the workspace send a `menu.command` event so the
 * renderer runs the same flow as its own buttons; the shell itself only quits and shows "about".
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';

/** What the menu's items do, supplied by the shell (fakes in tests). */
export interface MenuActions {
  /** Asks the renderer to run a command. */
  command(command: MenuCommand): void;
  /** Shows the about box. */
  about(): void;
  /** Quits the app. */
  quit(): void;
}

/**
 * The menu template. Reload and developer tools appear only when not packaged; zoom and full
 * screen (for the projector at the forum) always.
 */
export function applicationMenuTemplate(options: { isPackaged: boolean; actions: MenuActions }): MenuItemConstructorOptions[] {
  const { isPackaged, actions } = options;
  const send = (command: MenuCommand) => () => actions.command(command);
  const developer: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [
        { role: 'reload', label: 'โหลดใหม่' },
        { role: 'forceReload', label: 'โหลดใหม่ทั้งหมด' },
        { role: 'toggleDevTools', label: 'เครื่องมือนักพัฒนา' },
        { type: 'separator' },
      ];
  return [
    {
      label: 'ไฟล์',
      submenu: [
        { id: 'workspace.new', label: 'สร้างใหม่', accelerator: 'CmdOrCtrl+N', click: send('workspace.new') },
        { id: 'workspace.open', label: 'เปิด…', accelerator: 'CmdOrCtrl+O', click: send('workspace.open') },
        { id: 'workspace.saveAs', label: 'บันทึกเป็น…', accelerator: 'CmdOrCtrl+Shift+S', click: send('workspace.saveAs') },
        { type: 'separator' },
        { id: 'backups.restore', label: 'กู้คืนจากสำรอง…', click: send('backups.restore') },
        { type: 'separator' },
        { id: 'workspace.close', label: 'ปิดพื้นที่ทำงาน', click: send('workspace.close') },
        { type: 'separator' },
        { id: 'quit', label: 'ออก', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
      ],
    },
    {
      label: 'แก้ไข',
      submenu: [
        { role: 'undo', label: 'เลิกทำ' },
        { role: 'redo', label: 'ทำซ้ำ' },
        { type: 'separator' },
        { role: 'cut', label: 'ตัด' },
        { role: 'copy', label: 'คัดลอก' },
        { role: 'paste', label: 'วาง' },
        { role: 'selectAll', label: 'เลือกทั้งหมด' },
      ],
    },
    {
      label: 'มุมมอง',
      submenu: [
        ...developer,
        { role: 'zoomIn', label: 'ขยาย' },
        { role: 'zoomOut', label: 'ย่อ' },
        { role: 'resetZoom', label: 'ขนาดปกติ' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'เต็มจอ' },
      ],
    },
    {
      label: 'ช่วยเหลือ',
      submenu: [{ id: 'about', label: 'เกี่ยวกับ TambonPlan', click: () => actions.about() }],
    },
  ];
}

/** The text of the about box. */
export function aboutText(appVersion: string, versions: { electron?: string; chrome?: string; node?: string }) {
  return {
    title: 'เกี่ยวกับ TambonPlan',
    message: `TambonPlan ${appVersion}`,
    detail: [
      'แผนชุมชนระดับตำบล — บูรณาการแผนชุมชน เวทีประชาคม และส่งข้อมูลถึงศูนย์ข้อมูลจังหวัด',
      'Community-plan integration for Thai tambon offices.',
      '',
      `Electron ${versions.electron ?? '?'} · Chromium ${versions.chrome ?? '?'} · Node ${versions.node ?? '?'}`,
      'สัญญาอนุญาต / Licences:',
      '• แบบอักษร Sarabun (SIL OFL 1.1): resources/licenses',
      '• ข้อมูลเขตการปกครอง (MIT): ประกาศสัญญาอนุญาตอยู่ใน resources/data/README.md',
      '  Administrative areas data (MIT): notices in resources/data/README.md',
    ].join('\n'),
  };
}
