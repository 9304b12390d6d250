/** The preferences' texts: who is at the keyboard. Thai first, English second (see i18n/catalog.ts). */

const th = {
  operator: {
    welcomeTitle: 'ยินดีต้อนรับสู่ TambonPlan',
    welcomeText:
      'ก่อนเริ่มใช้งาน กรุณาระบุชื่อของผู้ใช้งาน ชื่อนี้จะถูกบันทึกไว้กับการนำเข้า การส่งออก และการแก้ไขทะเบียนข้อมูล เปลี่ยนได้ภายหลังที่มุมขวาบน',
    label: 'ชื่อผู้ใช้งาน (ผู้บันทึกข้อมูล)',
    placeholder: 'เช่น นางสาวสมใจ ใจดี',
    save: 'บันทึกและเริ่มใช้งาน',
    changeTitle: 'เปลี่ยนผู้บันทึกข้อมูล',
    nameRequired: 'กรุณาระบุชื่อผู้ใช้งาน',
  },
};

const en: typeof th = {
  operator: {
    welcomeTitle: 'Welcome to TambonPlan',
    welcomeText:
      'Before you start, enter your name. It is recorded with imports, exports and register changes. You can change it later at the top right.',
    label: 'Your name (operator)',
    placeholder: 'e.g. Somjai Jaidee',
    save: 'Save and start',
    changeTitle: 'Change the operator',
    nameRequired: 'Enter your name',
  },
};

/** This part of the catalogue, by language. */
export const preferencesStrings = { th, en };
