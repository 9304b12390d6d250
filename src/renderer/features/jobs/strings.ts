/** The jobs' texts: the self-test (a developer tool). Thai first, English second (see i18n/catalog.ts). */

const th = {
  jobs: {
    title: 'งานทดสอบระบบ',
    intro: (rows: string) =>
      `เครื่องมือสำหรับนักพัฒนา: เขียนข้อมูลทดสอบ ${rows} แถวลงพื้นที่ทำงานในงานเดียว เพื่อตรวจว่าระหว่างงานยาว โปรแกรมยังตอบสนองได้ แสดงความคืบหน้าได้ และการยกเลิกย้อนคืนทุกแถว`,
    start: 'เริ่มงานทดสอบ',
    cancel: 'ยกเลิกงาน',
    progressLabel: 'ความคืบหน้าของงานทดสอบ',
    progress: (done: string, total: string) => `${done} จาก ${total} แถว`,
    waiting: 'กำลังเริ่มงาน…',
    status: {
      running: 'กำลังทำงาน',
      done: 'เสร็จเรียบร้อย',
      cancelled: 'ยกเลิกแล้ว ไม่มีแถวใดถูกบันทึก',
      failed: 'ล้มเหลว',
    },
  },
};

const en: typeof th = {
  jobs: {
    title: 'System self-test',
    intro: (rows: string) =>
      `A developer tool: writes ${rows} test rows into the workspace in one job, to check that the app stays responsive during long work, shows progress, and that a cancel rolls every row back.`,
    start: 'Start the self-test',
    cancel: 'Cancel the job',
    progressLabel: 'Self-test progress',
    progress: (done: string, total: string) => `${done} of ${total} rows`,
    waiting: 'Starting…',
    status: {
      running: 'Running',
      done: 'Finished',
      cancelled: 'Cancelled; no row was kept',
      failed: 'Failed',
    },
  },
};

/** This part of the catalogue, by language. */
export const jobsStrings = { th, en };
