/** The texts every screen shares: the app's name, common buttons and the header. Thai first, English second (see i18n/catalog.ts). */

const th = {
  app: {
    name: 'TambonPlan',
    tagline: 'แผนชุมชนระดับตำบล',
    loading: 'กำลังโหลด…',
    backendError: 'ติดต่อโปรแกรมส่วนหลังไม่ได้',
    noBackendTitle: 'เปิดหน้านี้ไม่ครบที่อยู่',
    noBackendText:
      'หน้านี้ต้องเปิดด้วยที่อยู่เต็มที่โปรแกรมพิมพ์ไว้ตอนเริ่ม (ลงท้ายด้วย #token=… ) คัดลอกที่อยู่ทั้งบรรทัดจากหน้าต่างคำสั่ง แล้ววางในช่องที่อยู่ของเบราว์เซอร์อีกครั้ง',
  },
  common: {
    ok: 'ตกลง',
    cancel: 'ยกเลิก',
    close: 'ปิด',
    save: 'บันทึก',
    back: 'กลับ',
    working: 'กำลังดำเนินการ…',
    dismiss: 'ปิดข้อความ',
    required: 'ต้องระบุ',
    atLimit: (max: string) => `ครบ ${max} ตัวอักษรแล้ว ซึ่งเป็นความยาวสูงสุด พิมพ์ต่อไม่ได้`,
  },
  header: {
    operator: 'ผู้บันทึกข้อมูล',
    changeOperator: 'เปลี่ยน',
    changeOperatorLabel: (name: string) => `เปลี่ยนผู้บันทึกข้อมูล (ตอนนี้: ${name})`,
    switchLanguage: 'English',
    switchLanguageLabel: 'Switch the program to English',
  },
};

const en: typeof th = {
  app: {
    name: 'TambonPlan',
    tagline: 'Tambon community plans',
    loading: 'Loading…',
    backendError: "Cannot reach the app's back end",
    noBackendTitle: 'This page was opened without its full address',
    noBackendText:
      'Open the page with the whole address the program printed when it started (it ends in #token=…). Copy the whole line from the command window and paste it into the browser\'s address bar again.',
  },
  common: {
    ok: 'OK',
    cancel: 'Cancel',
    close: 'Close',
    save: 'Save',
    back: 'Back',
    working: 'Working…',
    dismiss: 'Dismiss',
    required: 'Required',
    atLimit: (max: string) => `${max} characters: the most this field takes; nothing more can be typed`,
  },
  header: {
    operator: 'Operator',
    changeOperator: 'Change',
    changeOperatorLabel: (name: string) => `Change the operator (now: ${name})`,
    switchLanguage: 'ภาษาไทย',
    switchLanguageLabel: 'เปลี่ยนโปรแกรมเป็นภาษาไทย',
  },
};

/** This part of the catalogue, by language. */
export const commonStrings = { th, en };
