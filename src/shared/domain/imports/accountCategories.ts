/**
 * Reading household-account lines into the categories of จปฐ. item 22: the words ledgers use
 * for income and expense, and for the usual items of each (ปุ๋ย is a production cost, หวย is
 * unnecessary spending). A word this cannot place is asked about in the wizard, and the answer
 * is kept with the file layout.
 */
import { normalizeThaiDigits } from '../thaiDigits';
import { cleanText } from './cells';
import { accountCategories, type AccountCategory } from './kinds';

/** Which way money goes on a ledger line. */
export type Direction = 'income' | 'expense' | 'saving' | 'debt';

/** The direction of each category. */
export function directionOf(category: AccountCategory): Direction {
  if (category.startsWith('income.')) return 'income';
  if (category.startsWith('expense.')) return 'expense';
  return category as 'saving' | 'debt';
}

/** A category text or description as compared: clean, lower case, no spaces. */
export function normalizeCategoryText(text: string): string {
  return normalizeThaiDigits(cleanText(text)).toLowerCase().replace(/\s+/g, '');
}

/** The direction a type column says: รายรับ / รายจ่าย / เงินออม / หนี้ (and English). */
export function readDirection(text: string): Direction | null {
  const s = normalizeCategoryText(text);
  if (/^(รายรับ|รายได้|รับ|income|in|\+)$/.test(s)) return 'income';
  if (/^(รายจ่าย|จ่าย|expense|expenses|out|-)$/.test(s)) return 'expense';
  if (/^(เงินออม|ออม|ออมเงิน|saving|savings)$/.test(s)) return 'saving';
  if (/^(หนี้|หนี้สิน|กู้|กู้ยืม|เงินกู้|debt|loan|borrowing)$/.test(s)) return 'debt';
  return null;
}

/** Words of each category, tried in this order (the first that matches wins). */
const rules: [AccountCategory, RegExp][] = [
  // The category names themselves, as a ledger with a category column writes them.
  ['income.main', /อาชีพหลัก|รายได้หลัก|เงินเดือน|ค่าจ้างประจำ|ขายผลผลิต|ขายข้าว|ขายยาง|ขายปาล์ม|ขายสินค้า|mainoccupation|salary/],
  ['income.secondary', /อาชีพรอง|อาชีพเสริม|รายได้เสริม|รับจ้างทั่วไป|ค่าแรงรายวัน|secondary|sidejob/],
  ['income.ownProduce', /กินเอง|ใช้เอง|ปลูกเอง|เลี้ยงเอง|หาเอง|มูลค่าผลผลิต|ownproduce/],
  ['income.other', /รายได้อื่น|ลูกหลานส่ง|ส่งเงินให้|เบี้ยยังชีพ|เบี้ยผู้สูงอายุ|เบี้ยคนพิการ|บำนาญ|ดอกเบี้ยเงินฝาก|ค่าเช่ารับ|ปันผล|เงินช่วยเหลือ|สวัสดิการ|otherincome|remittance|pension|allowance/],
  ['expense.unnecessary', /ไม่จำเป็น|ฟุ่มเฟือย|เหล้า|สุรา|เบียร์|แอลกอฮอล์|บุหรี่|ยาสูบ|ยาเส้น|หวย|ลอตเตอรี่|ลอตเตอรี|สลาก|พนัน|ไก่ชน|alcohol|tobacco|cigarette|lottery|gambl/],
  ['expense.debtRepayment', /ชำระหนี้|ใช้หนี้|คืนหนี้|ผ่อนชำระ|ผ่อนรถ|ผ่อนบ้าน|คืนเงินกู้|ดอกเบี้ยเงินกู้|ส่งธ\.?ก\.?ส|ส่งกองทุน|debtrepayment|repay/],
  ['expense.production', /ต้นทุน|เพื่อการผลิต|ปุ๋ย|ยาฆ่า|ยาปราบ|สารเคมี|เมล็ดพันธุ์|พันธุ์ข้าว|กล้าพันธุ์|อาหารสัตว์|ค่าจ้างแรงงาน|จ้างแรงงาน|ค่าไถ|ค่ารถเกี่ยว|น้ำมันเครื่องจักร|ลงทุน|production|fertili|seed/],
  ['expense.necessary', /จำเป็น|อุปโภค|บริโภค|อาหาร|ข้าวสาร|กับข้าว|ค่าน้ำ|ค่าไฟ|ไฟฟ้า|ประปา|ค่าเทอม|การศึกษา|ค่าเรียน|รักษาพยาบาล|ค่ายา|ค่าเดินทาง|ค่ารถ|น้ำมันรถ|ของใช้|โทรศัพท์|เสื้อผ้า|ค่าเช่าบ้าน|necessary|food|utilit|school|medical/],
  ['saving', /^เงินออม$|^ออม|ออมทรัพย์|ฝากเงิน|ฝากธนาคาร|สัจจะ|saving/],
  ['debt', /^หนี้$|^หนี้สิน$|กู้เงิน|กู้ยืม|ยืมเงิน|เงินกู้|loan|borrow/],
];

/**
 * The category of a ledger line from its category or description text, given its direction
 * when the ledger says it (a type column, or which amount column holds the money). Null when
 * no rule places it, or when the only match goes the other way (ค่าจ้าง as an expense is a
 * production cost, as income the main occupation — only the first is in the rules).
 */
export function classifyCategory(text: string, direction: Direction | null): AccountCategory | null {
  const s = normalizeCategoryText(text);
  if (s === '') return null;
  // A category written as its key ("expense.production") or its number in a coded ledger is taken as it is.
  if ((accountCategories as readonly string[]).includes(s)) return s as AccountCategory;
  for (const [category, pattern] of rules) {
    if (!pattern.test(s)) continue;
    if (direction === null || directionOf(category) === direction) return category;
  }
  if (direction === 'saving') return 'saving';
  if (direction === 'debt') return 'debt';
  return null;
}
