/**
 * Every text the Electron shell itself shows (the application menu, the native file dialogs, the
 * about box, the names of unnamed displays), Thai first and English second. The renderer's own texts are in
 * src/renderer/i18n/catalog.ts; these follow the same `language` preference.
 * Entries with parameters are functions, so both languages take the same arguments.
 */
import type { Preferences } from '../../shared/domain/workspace';

/** The shell's languages: the `language` preference. */
export type ShellLanguage = Preferences['language'];

const th = {
  menu: {
    file: 'ไฟล์',
    newWorkspace: 'สร้างใหม่',
    open: 'เปิด…',
    saveAs: 'บันทึกเป็น…',
    restoreBackup: 'กู้คืนจากสำรอง…',
    closeWorkspace: 'ปิดพื้นที่ทำงาน',
    quit: 'ออก',
    edit: 'แก้ไข',
    undo: 'เลิกทำ',
    redo: 'ทำซ้ำ',
    cut: 'ตัด',
    copy: 'คัดลอก',
    paste: 'วาง',
    selectAll: 'เลือกทั้งหมด',
    view: 'มุมมอง',
    openProjector: 'เปิดจอฉาย',
    reload: 'โหลดใหม่',
    forceReload: 'โหลดใหม่ทั้งหมด',
    devTools: 'เครื่องมือนักพัฒนา',
    zoomIn: 'ขยาย',
    zoomOut: 'ย่อ',
    resetZoom: 'ขนาดปกติ',
    fullScreen: 'เต็มจอ',
    help: 'ช่วยเหลือ',
    about: 'เกี่ยวกับ TambonPlan',
  },
  dialogs: {
    openTitle: 'เปิดพื้นที่ทำงาน',
    saveTitle: 'บันทึกพื้นที่ทำงาน',
    workspaceFilter: 'พื้นที่ทำงาน TambonPlan',
    allFilesFilter: 'ทุกไฟล์',
    /** The save dialog's file name when the renderer suggests none. */
    defaultName: 'พื้นที่ทำงาน',
    pickFileTitle: 'เลือกไฟล์',
    pickFolderTitle: 'เลือกโฟลเดอร์',
    saveFileTitle: 'บันทึกไฟล์',
    filesFilter: (extensions: string) => `ไฟล์ ${extensions}`,
    importTitle: 'เลือกไฟล์ข้อมูลที่จะนำเข้า',
    indicatorSetTitle: 'เลือกไฟล์ชุดตัวชี้วัด',
    reportTitle: 'บันทึกรายงานแถวที่ไม่ผ่านการตรวจสอบ',
    exportTitle: 'บันทึกตัวเลขเป็นไฟล์ Excel',
    spreadsheetFilter: 'ตารางข้อมูล (Excel, CSV)',
    indicatorSetFilter: 'ชุดตัวชี้วัด (JSON, Excel)',
    excelFilter: 'Excel',
    /** A save dialog's file name when the renderer suggests none (not a workspace). */
    defaultFileName: 'ไฟล์',
    formTitle: 'บันทึกไฟล์ส่งออก',
    xlsxFilter: 'สมุดงาน Excel',
    pdfFilter: 'เอกสาร PDF',
  },
  windows: {
    /** A display the system gives no name, as the projector's display choice lists it (n counts from 1). */
    displayLabel: (n: number, width: number, height: number) => `จอที่ ${n} (${width}×${height})`,
  },
  about: {
    title: 'เกี่ยวกับ TambonPlan',
    ok: 'ตกลง',
    description: 'แผนชุมชนระดับตำบล — บูรณาการแผนชุมชน เวทีประชาคม และส่งข้อมูลถึงศูนย์ข้อมูลจังหวัด',
    licences: 'สัญญาอนุญาต:',
    fontLicence: (where: string) => `• แบบอักษร Sarabun (SIL OFL 1.1): ${where}`,
    dataLicence: (where: string) => `• ข้อมูลเขตการปกครอง (MIT): ประกาศสัญญาอนุญาตอยู่ใน ${where}`,
  },
};

/** The shape of one language's shell texts. */
export type ShellStrings = typeof th;

const en: ShellStrings = {
  menu: {
    file: 'File',
    newWorkspace: 'New',
    open: 'Open…',
    saveAs: 'Save As…',
    restoreBackup: 'Restore from Backup…',
    closeWorkspace: 'Close Workspace',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    openProjector: 'Open Projector Window',
    reload: 'Reload',
    forceReload: 'Force Reload',
    devTools: 'Developer Tools',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    resetZoom: 'Actual Size',
    fullScreen: 'Full Screen',
    help: 'Help',
    about: 'About TambonPlan',
  },
  dialogs: {
    openTitle: 'Open Workspace',
    saveTitle: 'Save Workspace',
    workspaceFilter: 'TambonPlan workspace',
    allFilesFilter: 'All files',
    defaultName: 'Workspace',
    pickFileTitle: 'Choose a file',
    pickFolderTitle: 'Choose a folder',
    saveFileTitle: 'Save file',
    filesFilter: (extensions: string) => `${extensions} files`,
    importTitle: 'Choose a data file to import',
    indicatorSetTitle: 'Choose an indicator-set file',
    reportTitle: 'Save the report of rejected rows',
    exportTitle: 'Save the numbers as an Excel file',
    spreadsheetFilter: 'Spreadsheets (Excel, CSV)',
    indicatorSetFilter: 'Indicator sets (JSON, Excel)',
    excelFilter: 'Excel',
    defaultFileName: 'File',
    formTitle: 'Save Export',
    xlsxFilter: 'Excel workbook',
    pdfFilter: 'PDF document',
  },
  windows: {
    displayLabel: (n: number, width: number, height: number) => `Display ${n} (${width}×${height})`,
  },
  about: {
    title: 'About TambonPlan',
    ok: 'OK',
    description: 'Community-plan integration for Thai tambon offices: community plans, the village forum, and data for the provincial data centre.',
    licences: 'Licences:',
    fontLicence: (where: string) => `• Sarabun font (SIL OFL 1.1): ${where}`,
    dataLicence: (where: string) => `• Administrative areas data (MIT): notices in ${where}`,
  },
};

/** The shell's texts by language. */
export const shellStrings: Record<ShellLanguage, ShellStrings> = { th, en };
