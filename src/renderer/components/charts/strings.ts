/** The chart components' texts (a table view, an export). Thai first, English second (see i18n/catalog.ts). */

const th = {
  charts: {
    showChart: 'แผนภูมิ',
    showTable: 'ตาราง',
    viewLabel: (title: string) => `แสดง ${title} เป็น`,
    export: 'ส่งออก Excel',
    exportLabel: (title: string) => `ส่งออกตัวเลขของ ${title} เป็นไฟล์ Excel`,
    exporting: 'กำลังส่งออก…',
    drawing: 'กำลังวาดแผนภูมิ…',
    noData: 'ไม่มีข้อมูล',
    notInScope: 'ไม่มีครัวเรือนในขอบเขต',
    heatCell: (row: string, column: string, value: string) => `${row} ${column}: ${value}`,
    heatLegend: 'สีเข้มขึ้นเมื่อสัดส่วนที่ไม่ผ่านมากขึ้น',
  },
};

const en: typeof th = {
  charts: {
    showChart: 'Chart',
    showTable: 'Table',
    viewLabel: (title: string) => `Show ${title} as`,
    export: 'Export to Excel',
    exportLabel: (title: string) => `Export the numbers of ${title} to an Excel file`,
    exporting: 'Exporting…',
    drawing: 'Drawing the chart…',
    noData: 'No data',
    notInScope: 'No household in scope',
    heatCell: (row: string, column: string, value: string) => `${row}, ${column}: ${value}`,
    heatLegend: 'Darker means a larger share failing',
  },
};

/** This part of the catalogue, by language. */
export const chartsStrings = { th, en };
