import { useEffect, useEffectEvent } from 'react';
import type { MenuCommand } from '../../../shared/ipc/contract';
import { onEvent } from '../../api/client';

/**
 * Runs `handler` for the commands of the Electron application menu (ไฟล์ → สร้างใหม่, เปิด…,
 * บันทึกเป็น…, กู้คืนจากสำรอง…, ปิดพื้นที่ทำงาน) while the calling screen is shown; each screen
 * handles the commands it has buttons for, with the same flow. A command that arrives while a
 * dialog is open is ignored, as a click behind the dialog would be.
 */
export function useMenuCommand(handler: (command: MenuCommand) => void): void {
  const run = useEffectEvent(handler);
  useEffect(
    () =>
      onEvent('menu.command', ({ command }) => {
        if (document.querySelector('dialog[open]')) return;
        run(command);
      }),
    [],
  );
}
