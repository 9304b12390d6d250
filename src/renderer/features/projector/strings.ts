/** The projector view's texts (the large-text window shown to the room). Thai first, English second (see i18n/catalog.ts). */

const th = {
  projector: {
    open: 'จอฉาย',
    openLabel: 'เปิดหน้าต่างจอฉายสำหรับเวทีประชาคม',
    chooseTitle: 'เปิดจอฉายบนจอใด',
    chooseIntro: 'เลือกจอที่ต่อกับโปรเจกเตอร์ หน้าต่างจอฉายจะเต็มจอนั้น',
    primary: 'จอหลัก',
    display: (label: string, width: number, height: number) => `${label} (${width}×${height})`,
    opened: 'เปิดหน้าต่างจอฉายแล้ว',
    blocked: 'เบราว์เซอร์ไม่ยอมเปิดหน้าต่างใหม่ กรุณาอนุญาตป๊อปอัปสำหรับหน้านี้แล้วลองอีกครั้ง',
    title: 'จอฉาย',
    noWorkspace: 'ยังไม่ได้เปิดพื้นที่ทำงาน เปิดพื้นที่ทำงานในหน้าต่างหลักแล้วจอนี้จะแสดงตามทันที',
    villages: 'หมู่บ้าน',
    issues: 'ประเด็นยุทธศาสตร์',
    villageCount: (n: number) => `${n} หมู่บ้าน`,
    households: (n: string) => `${n} ครัวเรือน`,
    people: (n: string) => `${n} คน`,
  },
};

const en: typeof th = {
  projector: {
    open: 'Projector',
    openLabel: 'Open the projector window for the forum',
    chooseTitle: 'Open the projector window on which display?',
    chooseIntro: 'Choose the display connected to the projector; the window fills it.',
    primary: 'main display',
    display: (label: string, width: number, height: number) => `${label} (${width}×${height})`,
    opened: 'The projector window is open',
    blocked: 'The browser did not open a new window; allow pop-ups for this page and try again',
    title: 'Projector',
    noWorkspace: 'No workspace is open. Open one in the main window and this screen follows at once.',
    villages: 'Villages',
    issues: 'Strategic issues',
    villageCount: (n: number) => `${n} villages`,
    households: (n: string) => `${n} households`,
    people: (n: string) => `${n} people`,
  },
};

/** This part of the catalogue, by language. */
export const projectorStrings = { th, en };
