/** The backups' texts. Thai first, English second (see i18n/catalog.ts). */
import type { BackupReason } from '../../../shared/domain/workspace';

const th = {
  backups: {
    title: 'สำรองข้อมูล',
    intro:
      'โปรแกรมสำรองข้อมูลให้อัตโนมัติทุกครั้งที่เปิดไฟล์ และทุกชั่วโมงระหว่างที่มีการแก้ไข เก็บไว้ 10 ชุดล่าสุด วันละชุดย้อนหลัง 7 วัน และสัปดาห์ละชุดย้อนหลัง 4 สัปดาห์ ส่วนชุดที่สำรองไว้ก่อนกู้คืนหรือก่อนปรับรุ่นเก็บไว้ 3 ชุดล่าสุดของแต่ละแบบ และทุกชุดที่อายุไม่ถึง 30 วัน',
    createNow: 'สำรองตอนนี้',
    created: 'สำรองข้อมูลแล้ว',
    createdAt: 'วันเวลาที่สำรอง',
    size: 'ขนาด',
    reason: 'สาเหตุ',
    villages: 'หมู่บ้าน',
    changesSince: 'แก้ไขหลังจากนั้น',
    noChanges: 'ไม่มี',
    changes: (n: string) => `${n} ครั้ง`,
    unknown: '—',
    actions: 'จัดการ',
    restore: 'กู้คืน',
    restoreLabel: (date: string) => `กู้คืนข้อมูล ณ ${date}`,
    reasons: {
      open: 'เปิดไฟล์',
      hourly: 'อัตโนมัติรายชั่วโมง',
      manual: 'สำรองเอง',
      'before-restore': 'ก่อนกู้คืน',
      'before-upgrade': 'ก่อนปรับรุ่นโปรแกรม',
    } satisfies Record<BackupReason, string>,
    empty: 'ยังไม่มีข้อมูลสำรอง',
    confirmRestoreTitle: 'ยืนยันการกู้คืนข้อมูล',
    confirmRestore: (date: string, changes: string) =>
      `พื้นที่ทำงานจะกลับไปเป็นข้อมูล ณ ${date}${changes}\nโปรแกรมจะสำรองสถานะปัจจุบันไว้ให้ก่อนกู้คืน (สาเหตุ “ก่อน\u2060กู้คืน”) จึงย้อนกลับมาที่สถานะนี้ได้เสมอจากรายการสำรองข้อมูล`,
    confirmRestoreChanges: (n: string) => ` การแก้ไข ${n} ครั้งหลังจากนั้นจะไม่อยู่ในพื้นที่ทำงาน`,
    confirmRestoreButton: 'กู้คืนข้อมูล',
    restored: (date: string) => `กู้คืนข้อมูล ณ ${date} แล้ว`,
    bytes: (n: string) => `${n} ไบต์`,
    kilobytes: (n: string) => `${n} KB`,
    megabytes: (n: string) => `${n} MB`,
  },
};

const en: typeof th = {
  backups: {
    title: 'Backups',
    intro:
      'The app backs up automatically whenever the file is opened, and hourly while you edit. It keeps the last 10, one a day for 7 days and one a week for 4 weeks; backups taken before a restore or an upgrade are kept apart: the last 3 of each, and all of them for 30 days.',
    createNow: 'Back up now',
    created: 'Backup taken',
    createdAt: 'Taken at',
    size: 'Size',
    reason: 'Reason',
    villages: 'Villages',
    changesSince: 'Changes since',
    noChanges: 'none',
    changes: (n: string) => n,
    unknown: '—',
    actions: 'Actions',
    restore: 'Restore',
    restoreLabel: (date: string) => `Restore the backup of ${date}`,
    reasons: {
      open: 'File opened',
      hourly: 'Hourly (automatic)',
      manual: 'Taken by hand',
      'before-restore': 'Before a restore',
      'before-upgrade': 'Before an upgrade',
    },
    empty: 'No backups yet',
    confirmRestoreTitle: 'Restore this backup?',
    confirmRestore: (date: string, changes: string) =>
      `The workspace will go back to how it was at ${date}.${changes}\nThe current state is backed up first (reason “Before a restore”), so you can always come back to it from the backup list.`,
    confirmRestoreChanges: (n: string) => ` The ${n} changes made since will not be in the workspace.`,
    confirmRestoreButton: 'Restore',
    restored: (date: string) => `Restored the backup of ${date}`,
    bytes: (n: string) => `${n} bytes`,
    kilobytes: (n: string) => `${n} KB`,
    megabytes: (n: string) => `${n} MB`,
  },
};

/** This part of the catalogue, by language. */
export const backupsStrings = { th, en };
