/** Reading the forum's workbooks back, pure: headers found, issues and villages named, rows read or rejected. */
import { describe, expect, it } from 'vitest';
import { pcsHeadings, projectHeadings, villagePlanHeadings } from '../../src/shared/domain/forumForms';
import { createRowReader } from '../../src/shared/domain/imports/records';
import { issueFromText, villageFromText } from '../../src/shared/domain/imports/forumRecords';
import { detectHeader } from '../../src/shared/domain/imports/headers';

const issues = [
  { id: 'i1', no: 1, nameTh: 'การบริหารจัดการ และเชื่อมโยง' },
  { id: 'i2', no: 2, nameTh: 'เศรษฐกิจชุมชน' },
];
const villages = [
  { id: 'v1', moo: 1, code: '80010801', name: 'บ้านนาทราย' },
  { id: 'v2', moo: 2, code: '80010802', name: 'บ้านควนหรั่ง' },
];

describe('issues and villages named in text', () => {
  it('by number, "ประเด็นที่ N", a title, or the name', () => {
    expect(issueFromText('2', issues).issue?.id).toBe('i2');
    expect(issueFromText('๒', issues).issue?.id).toBe('i2');
    expect(issueFromText('ประเด็นที่ 1', issues).issue?.id).toBe('i1');
    expect(issueFromText('ประเด็นยุทธศาสตร์ที่ 2 เศรษฐกิจชุมชน', issues).issue?.id).toBe('i2');
    expect(issueFromText('เศรษฐกิจชุมชน', issues).issue?.id).toBe('i2');
    expect(issueFromText('ประเด็นที่ 9', issues)).toEqual({ said: true, issue: null });
    expect(issueFromText('Sheet1', issues)).toEqual({ said: false, issue: null });
  });

  it('villages by ม./หมู่ที่, a number or the name', () => {
    expect(villageFromText('ม.1 บ้านนาทราย', villages)?.id).toBe('v1');
    expect(villageFromText('หมู่ที่ ๒', villages)?.id).toBe('v2');
    expect(villageFromText('ควนหรั่ง', villages)?.id).toBe('v2');
    expect(villageFromText('ม.9', villages)).toBeNull();
  });
});

describe('the exported headers are found', () => {
  it('for each of the three forms', () => {
    const title = (n: number) => ({ number: n, cells: [`หัวเรื่อง ${n}`] });
    const pcs = detectHeader('pcs', [title(1), title(2), { number: 5, cells: [...pcsHeadings] }]);
    expect(pcs?.mapping.map((m) => m.field)).toEqual(['order', 'problem', 'causes', 'solutions', 'villages', 'ignore']);
    const projects = detectHeader('projects', [
      title(1),
      { number: 5, cells: [...projectHeadings.slice(0, 6), 'แหล่งงบประมาณ', null, null, 'งบประมาณรายปี (บาท)', null] },
      { number: 6, cells: [null, null, null, null, null, null, ...projectHeadings.slice(6), 'พ.ศ. 2568', 'พ.ศ. 2569'] },
    ]);
    expect(projects?.rows).toBe(2);
    expect(projects?.mapping.map((m) => m.field)).toEqual(['order', 'projectName', 'budget', 'target', 'duration', 'villages', 'funding.local', 'funding.agency', 'funding.province', 'budget:2568', 'budget:2569']);
    const plans = detectHeader('village-plans', [title(1), { number: 5, cells: [...villagePlanHeadings] }]);
    expect(plans?.mapping.map((m) => m.field)).toEqual(['order', 'itemKind', 'itemText', 'how', 'estimatedBudget']);
  });
});

describe('rows', () => {
  it('a project row: yearly budgets, sources, villages; a budget that is no number rejected at its column', () => {
    const mapping = ['order', 'projectName', 'budget', 'villages', 'funding.local', 'budget:2568', 'budget:2569'].map((field, i) => ({ column: i + 1, field: field as never }));
    const reader = createRowReader({ kind: 'projects', tambonCode: '800108', villages, mapping, year: null, dateRange: { minBE: 2500, maxBE: 2600 }, issues, planYears: [2568, 2569] });
    reader.startSheet({ name: 'ประเด็นที่ 2', titles: [] });
    expect(reader.read([1, 'ถนน', '๓๐,๐๐๐', 'ม.1\nม.2', 30000, '10,000', 20000])).toMatchObject({
      outcome: 'record',
      record: { issueId: 'i2', name: 'ถนน', villageIds: ['v1', 'v2'], yearBudgets: { '2568': 10_000, '2569': 20_000 }, funding: [{ column: 'local', amount: 30_000 }] },
    });
    expect(reader.read([2, 'ประปา', 'สองหมื่น'])).toEqual({ outcome: 'rejected', problems: [{ column: 3, code: 'notANumber', value: 'สองหมื่น' }] });
    expect(reader.read([3, 'ประปา', 500, '', null, 100, 100])).toMatchObject({ outcome: 'rejected', problems: [{ column: 3, code: 'budgetTotalMismatch' }] });
    // Bands and notes under the table are passed over.
    expect(reader.read(['โครงการที่ยังไม่ได้ลงคะแนนจัดลำดับ'])).toEqual({ outcome: 'ignored' });
  });
});
