/**
 * What can be wrong with an imported file, a row or a cell, in words a clerk acts on (Thai
 * first), naming where: the sheet, the row as the spreadsheet shows it (1 = its first row) and
 * the column as a letter.
 */
import type { CellProblem } from './cells';
import { columnLetter } from './cells';
import { maskCitizenIds } from './personal';

/** Why a row is rejected (or, for the first ones, why a file or a mapping is refused). */
export type RowProblemCode =
  | CellProblem
  | 'missingVillage'
  | 'badVillageCode'
  | 'badMoo'
  | 'unknownVillage'
  | 'villageMismatch'
  | 'duplicateHousehold'
  | 'householdAlreadyImported'
  | 'duplicateVillage'
  | 'villageAlreadyImported'
  | 'badMembers'
  | 'citizenIdAsHouseholdId'
  | 'citizenIdInText'
  | 'badHouseNo'
  | 'badHouseholdId'
  | 'missingHousehold'
  | 'missingDate'
  | 'missingAmount'
  | 'bothAmounts'
  | 'unknownCategory'
  | 'missingCategory'
  | 'unknownDirection'
  | 'cntOverAll'
  | 'badGrade'
  | 'yearMismatch'
  | 'badYear'
  | 'textTooLong'
  | 'noValues'
  | 'unknownIssue'
  | 'missingIssue'
  | 'missingProblem'
  | 'missingProjectName'
  | 'missingItemText'
  | 'unknownItemKind'
  | 'unknownHow'
  | 'forumTextTooLong'
  | 'tooManyItems'
  | 'budgetTotalMismatch'
  | 'scoreOutOfScale'
  | 'duplicateUnit'
  | 'missingName'
  | 'unknownRole'
  | 'unknownTier'
  | 'missingTier'
  | 'tooManyLeaders';

/** One problem of a row: where (sheet, row, column) and what. `value` is what the cell held (citizen ids masked). */
export interface RowProblem {
  sheet: string;
  row: number;
  /** 1-based column, or null for a problem of the whole row. */
  column: number | null;
  code: RowProblemCode;
  value?: string;
}

/** The message of a problem, with the cell's value when known. */
export function problemMessage(code: RowProblemCode, value?: string): { th: string; en: string } {
  const v = value === undefined || value === '' ? undefined : maskCitizenIds(value).slice(0, 60);
  const q = v === undefined ? '' : ` "${v}"`;
  switch (code) {
    case 'scoreOutOfScale':
      return { th: `คะแนน${q} อยู่นอกช่วงคะแนนของกรอบการประเมิน`, en: `The score${q} is outside the framework's scale` };
    case 'duplicateUnit':
      return { th: `หมู่บ้านหรือตำบล${q} ซ้ำกับแถวก่อนหน้าในชีตเดียวกัน (รอบการประเมินเดียวกัน)`, en: `The village or tambon${q} appears earlier in the same sheet (the same round)` };
    case 'notANumber':
      return { th: `ค่า${q} ไม่ใช่ตัวเลข`, en: `The value${q} is not a number` };
    case 'notWhole':
      return { th: `ค่า${q} ต้องเป็นจำนวนเต็ม`, en: `The value${q} must be a whole number` };
    case 'negative':
      return { th: `ค่า${q} ติดลบ ซึ่งใช้ไม่ได้ในช่องนี้`, en: `The value${q} is negative, which this column cannot hold` };
    case 'tooLarge':
      return { th: `ค่า${q} มากเกินกว่าที่ช่องนี้รับได้`, en: `The value${q} is larger than this column allows` };
    case 'errorValue':
      return { th: `เซลล์มีค่าผิดพลาดจากสูตร${q} แก้สูตรในไฟล์ก่อน`, en: `The cell holds a formula error${q}; fix the formula in the file` };
    case 'formulaWithoutValue':
      return {
        th: 'เซลล์เป็นสูตรที่ไม่มีค่าที่คำนวณไว้ เปิดไฟล์ใน Excel แล้วบันทึกใหม่ให้คำนวณค่า',
        en: 'The cell is a formula without a computed value; open the file in Excel and save it again',
      };
    case 'notAnAnswer':
      return {
        th: `ค่า${q} ไม่ใช่คำตอบที่รู้จัก (ใช้ ผ่าน / ไม่ผ่าน / ไม่เกี่ยวข้อง, 1 / 0 / ว่าง หรือ ✓ / ✗)`,
        en: `The value${q} is not a recognised answer (use ผ่าน / ไม่ผ่าน / ไม่เกี่ยวข้อง, 1 / 0 / blank, or ✓ / ✗)`,
      };
    case 'notADate':
      return { th: `ค่า${q} ไม่ใช่วันที่ (ใช้ วว/ดด/ปปปป เช่น 15/03/2566)`, en: `The value${q} is not a date (use dd/mm/yyyy, e.g. 15/03/2566)` };
    case 'dateOutOfRange':
      return { th: `วันที่${q} อยู่นอกช่วงที่เป็นไปได้ (ตรวจปี พ.ศ./ค.ศ.)`, en: `The date${q} is outside the possible range (check the BE/CE year)` };
    case 'missingVillage':
      return { th: 'แถวนี้ไม่ระบุหมู่ที่หรือรหัสหมู่บ้าน', en: 'The row gives no village number or village code' };
    case 'badVillageCode':
      return { th: `รหัสหมู่บ้าน${q} ต้องเป็นตัวเลข 8 หลัก (หรือ 10 หลักแบบ TPMAP)`, en: `The village code${q} must have 8 digits (or TPMAP's 10)` };
    case 'badMoo':
      return { th: `หมู่ที่${q} ต้องเป็นตัวเลข 1 ถึง 99`, en: `The village number${q} must be 1 to 99` };
    case 'unknownVillage':
      return {
        th: `ไม่พบหมู่บ้าน${q} ในทะเบียนหมู่บ้านของตำบล (เพิ่มหมู่บ้านในหน้า หมู่บ้าน ก่อน หรือแก้ไฟล์)`,
        en: `No village${q} in the tambon's register (add it under Villages first, or fix the file)`,
      };
    case 'villageMismatch':
      return { th: `รหัสหมู่บ้านกับหมู่ที่ในแถวนี้ไม่ตรงกัน${q}`, en: `The village code and the village number of this row disagree${q}` };
    case 'duplicateHousehold':
      return { th: `ครัวเรือน${q} ซ้ำกับแถวก่อนหน้าในไฟล์ (ปีสำรวจเดียวกัน)`, en: `The household${q} appears earlier in the file (same survey year)` };
    case 'householdAlreadyImported':
      return {
        th: `ครัวเรือน${q} มีอยู่แล้วจากการนำเข้าครั้งก่อนในปีสำรวจเดียวกัน (ยกเลิกการนำเข้าครั้งนั้นก่อน หรือนำเข้าแทนที่)`,
        en: `The household${q} is already in the workspace from another import of the same survey year (undo that import, or replace it)`,
      };
    case 'duplicateVillage':
      return { th: `หมู่บ้าน${q} ซ้ำกับแถวก่อนหน้าในไฟล์`, en: `The village${q} appears earlier in the file` };
    case 'villageAlreadyImported':
      return {
        th: `หมู่บ้าน${q} มีข้อมูลชุดนี้อยู่แล้วจากการนำเข้าครั้งก่อน (ยกเลิกการนำเข้าครั้งนั้นก่อน หรือนำเข้าแทนที่)`,
        en: `The village${q} already has this data from another import (undo that import, or replace it)`,
      };
    case 'badMembers':
      return { th: `จำนวนสมาชิก${q} ต้องอยู่ระหว่าง 1 ถึง 99 คน`, en: `Members${q} must be 1 to 99` };
    case 'citizenIdAsHouseholdId':
      return {
        th: 'ช่องรหัสบ้านมีเลขประจำตัวประชาชน 13 หลัก ซึ่งเป็นข้อมูลส่วนบุคคล จึงไม่นำเข้า (ใช้รหัสบ้าน 11 หลัก หรือบ้านเลขที่แทน)',
        en: "The house-code column holds a 13-digit citizen id, which is personal data and is not imported (use the 11-digit house code or the house number)",
      };
    case 'citizenIdInText':
      return {
        th: 'เซลล์มีเลขประจำตัวประชาชน 13 หลัก ซึ่งเป็นข้อมูลส่วนบุคคล จึงไม่นำเข้าแถวนี้',
        en: 'The cell holds a 13-digit citizen id, which is personal data; the row is not imported',
      };
    case 'badHouseNo':
      return { th: `บ้านเลขที่${q} ไม่ถูกต้อง (ต้องมีตัวเลข และยาวไม่เกิน 20 ตัวอักษร)`, en: `The house number${q} is not valid (it needs a digit and at most 20 characters)` };
    case 'badHouseholdId':
      return { th: `รหัสบ้าน${q} ไม่ถูกต้อง (ตัวเลขหรือตัวอักษร ไม่เกิน 30 ตัว)`, en: `The house code${q} is not valid (letters or digits, at most 30)` };
    case 'missingHousehold':
      return { th: 'แถวนี้ไม่ระบุรหัสบ้านหรือบ้านเลขที่', en: 'The row gives no house code or house number' };
    case 'missingDate':
      return { th: 'แถวนี้ไม่มีวันที่', en: 'The row has no date' };
    case 'missingAmount':
      return { th: 'แถวนี้ไม่มีจำนวนเงิน', en: 'The row has no amount' };
    case 'bothAmounts':
      return { th: 'แถวนี้มีทั้งรายรับและรายจ่าย ให้แยกเป็นสองแถว', en: 'The row has both an income and an expense; put them on two rows' };
    case 'unknownCategory':
      return {
        th: `ไม่รู้ว่าหมวด${q} คือหมวดใดของ จปฐ. ข้อ 22 (กำหนดหมวดในขั้นจับคู่ข้อมูล)`,
        en: `Which BMN item-22 category${q} is, is not known (set it at the mapping step)`,
      };
    case 'missingCategory':
      return { th: 'แถวนี้ไม่มีหมวดหรือรายการ', en: 'The row has no category or description' };
    case 'unknownDirection':
      return { th: `ประเภท${q} ไม่ใช่ รายรับ / รายจ่าย / เงินออม / หนี้`, en: `The type${q} is not income / expense / saving / debt` };
    case 'cntOverAll':
      return { th: 'จำนวนที่ไม่ผ่าน (CNT) มากกว่าจำนวนในขอบเขต (ALL)', en: 'Failing (CNT) is more than in scope (ALL)' };
    case 'badGrade':
      return { th: `ระดับหมู่บ้าน${q} ต้องเป็น 1, 2 หรือ 3 (ล้าหลัง / ปานกลาง / ก้าวหน้า)`, en: `The village grade${q} must be 1, 2 or 3 (lagging / intermediate / advanced)` };
    case 'yearMismatch':
      return { th: `ปีที่สำรวจ${q} ของแถวนี้ไม่ตรงกับปีของการนำเข้า`, en: `The survey year${q} of this row is not the import's year` };
    case 'badYear':
      return { th: `ปีที่สำรวจ${q} ต้องเป็นปี พ.ศ. 4 หลัก`, en: `The survey year${q} must be a 4-digit Buddhist Era year` };
    case 'textTooLong':
      return { th: 'ข้อความในเซลล์ยาวเกิน 2,000 ตัวอักษร', en: 'The text of the cell is longer than 2,000 characters' };
    case 'noValues':
      return { th: 'แถวนี้ไม่มีข้อมูลในคอลัมน์ที่นำเข้า', en: 'The row has nothing in the imported columns' };
    case 'unknownIssue':
      return {
        th: `ไม่พบประเด็นยุทธศาสตร์${q} ในกรอบยุทธศาสตร์ของพื้นที่ทำงาน (ใช้หมายเลข เช่น "ประเด็นที่ 1" หรือชื่อประเด็น)`,
        en: `No strategic issue${q} in the workspace's framework (use its number, e.g. "ประเด็นที่ 1", or its name)`,
      };
    case 'missingIssue':
      return {
        th: 'ไม่ทราบว่าแถวนี้อยู่ในประเด็นยุทธศาสตร์ใด (ตั้งชื่อชีตเป็น "ประเด็นที่ 1" หรือเพิ่มคอลัมน์ประเด็น)',
        en: 'Which strategic issue this row belongs to is not known (name the sheet "ประเด็นที่ 1", or add an issue column)',
      };
    case 'missingProblem':
      return { th: 'แถวนี้มีสาเหตุหรือแนวทางแก้ไข แต่ช่องปัญหาว่าง', en: 'The row has causes or solutions but no problem' };
    case 'missingProjectName':
      return { th: 'แถวนี้มีงบประมาณหรือรายละเอียด แต่ไม่มีชื่อโครงการ', en: 'The row has a budget or details but no project name' };
    case 'missingItemText':
      return { th: 'แถวนี้ไม่มีข้อความในช่องรายการ', en: 'The row has nothing in the item column' };
    case 'unknownItemKind':
      return { th: `ประเภท${q} ต้องเป็น "ปัญหา/ความต้องการ" หรือ "แนวคิดโครงการ"`, en: `The kind${q} must be "ปัญหา/ความต้องการ" (problem/need) or "แนวคิดโครงการ" (project idea)` };
    case 'unknownHow':
      return { th: `วิธีดำเนินการ${q} ต้องเป็น "ทำเอง" "ทำร่วม" หรือ "ขอรับการสนับสนุน"`, en: `How${q} must be "ทำเอง" (self), "ทำร่วม" (joint) or "ขอรับการสนับสนุน" (support)` };
    case 'forumTextTooLong':
      return { th: `ข้อความในเซลล์ยาวเกินที่ช่องนี้รับได้ (ไม่เกิน${q} ตัวอักษร)`, en: `The text of the cell is longer than this column takes (at most${q} characters)` };
    case 'tooManyItems':
      return { th: `เซลล์มีรายการมากเกินไป (ไม่เกิน${q} บรรทัด)`, en: `The cell has too many items (at most${q} lines)` };
    case 'budgetTotalMismatch':
      return { th: `งบประมาณรวมไม่เท่ากับผลรวมงบประมาณรายปี${q}`, en: `The total budget is not the sum of the yearly budgets${q}` };
    case 'missingName':
      return { th: 'แถวนี้ไม่มีชื่อ (ช่องชื่อว่าง)', en: 'The row has no name (the name column is blank)' };
    case 'unknownRole':
      return {
        th: `บทบาท${q} ไม่รู้จัก (ใช้ ผู้ใหญ่บ้าน ผู้ช่วยผู้ใหญ่บ้าน กรรมการหมู่บ้าน คุณกิจ อาสาสมัคร หรือ อื่น ๆ)`,
        en: `The role${q} is not known (use ผู้ใหญ่บ้าน, ผู้ช่วยผู้ใหญ่บ้าน, กรรมการหมู่บ้าน, คุณกิจ, อาสาสมัคร or อื่น ๆ)`,
      };
    case 'unknownTier':
      return { th: `ระดับกองทุน${q} ต้องเป็น ต้นแบบ นำร่อง หรือ ขยายผล`, en: `The fund's tier${q} must be ต้นแบบ (model), นำร่อง (pilot) or ขยายผล (expansion)` };
    case 'missingTier':
      return { th: 'แถวนี้ไม่ระบุระดับกองทุน (ต้นแบบ นำร่อง หรือ ขยายผล)', en: "The row gives no tier for the fund (model, pilot or expansion)" };
    case 'tooManyLeaders':
      return { th: `${v ?? 'หมู่บ้านนี้'} มีคณะผู้นำเกิน 8 คน (ไม่เกิน 8 คนต่อหมู่บ้าน)`, en: `${v ?? 'The village'} would have more than 8 leaders (at most 8 per village)` };
  }
}

/** Where a problem is, as a clerk finds it: `ชีต "จปฐ" แถว 12 คอลัมน์ K`. */
export function problemPlace(p: Pick<RowProblem, 'sheet' | 'row' | 'column'>): { th: string; en: string } {
  const column = p.column === null ? '' : ` คอลัมน์ ${columnLetter(p.column)}`;
  const columnEn = p.column === null ? '' : `, column ${columnLetter(p.column)}`;
  return { th: `ชีต "${p.sheet}" แถว ${p.row}${column}`, en: `sheet "${p.sheet}", row ${p.row}${columnEn}` };
}
