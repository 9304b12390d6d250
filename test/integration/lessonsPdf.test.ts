/**
 * The lessons' print-ready PDF: printed through the print port (outside Electron: the Chromium on
 * the machine), read back with pdftotext (the Thai text of every field, the labels of the paper
 * form, one lesson per page, the date in พ.ศ.), page 1 drawn with pdftoppm into
 * test-results/screenshots/; the Word document's parts and text (read with fflate: the build
 * machines' LibreOffice is Calc only, so no word processor opens it here); and the command line's
 * `export … pdf --form lessons` and `export … docx --form lessons`.
 *
 * Without Chromium or poppler-utils the checks are skipped with the reason, except under CI=true.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/main';
import { dispatch } from '../../src/main/rpc/dispatch';
import { findChromiumExecutable } from '../../src/main/services/print';
import { createNaSai, fails, ok, resourcesDir, tempDir, testContext } from '../support/context';
import { screenshotDir } from '../support/screens';

const tools = ['/usr/bin/pdftotext', '/usr/bin/pdftoppm'].filter((t) => !fs.existsSync(t));
const chromium = findChromiumExecutable();
const missing = [...tools, ...(chromium ? [] : ['chromium'])];
const skip = missing.length > 0 && process.env.CI !== 'true';
if (skip) console.warn(`lessons PDF skipped: needs ${missing.join(', ')} (apt-get install chromium poppler-utils)`);

function pagesOf(file: string): string[] {
  const text = spawnSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
  return text.split('\f').slice(0, -1);
}

describe.skipIf(skip)('lessons PDF', () => {
  let ctx: ReturnType<typeof testContext>;
  let dir: string;
  let projectId: string;

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`CI=true and missing: ${missing.join(', ')}`);
    ctx = testContext();
    await createNaSai(ctx);
    const issueId = ctx.session.workspace!.sqlite.prepare('select id from strategic_issues where deleted_at is null order by no').pluck().get() as string;
    projectId = (await ok(ctx, 'forum.projects.add', { issueId, values: { name: 'ธนาคารปุ๋ยอินทรีย์ชุมชน' } })).id;
    const base = {
      place: 'ศาลาประชาคมหมู่ที่ 2 บ้านนาทราย',
      recorder: 'นางสาวทดสอบ บันทึกดี',
      coreCompetency: 'การรวมกลุ่มพึ่งตนเอง',
      strategy: 'เริ่มจากแปลงสาธิตของผู้นำ แล้วขยายผลสู่สมาชิก',
      relatedRules: 'ข้อตกลงของกลุ่มเกษตรกรทำนา',
      target: { kind: 'project' as const, id: projectId },
    };
    await ok(ctx, 'lessons.create', {
      values: {
        ...base,
        title: 'การทำปุ๋ยหมักชีวภาพลดต้นทุนการผลิตข้าว',
        heldOn: '2026-05-20',
        story: 'ชาวบ้านรวมกลุ่มกันทำปุ๋ยหมักจากฟางข้าวและมูลสัตว์ ใช้เองในแปลงนา ลดการซื้อปุ๋ยเคมีได้ครึ่งหนึ่ง\nปีต่อมาขยายเป็นธนาคารปุ๋ยของหมู่บ้าน',
        knowledgeAssets: 'สูตรปุ๋ยหมักฟางข้าว 3 ส่วน ต่อมูลสัตว์ 1 ส่วน\nการกลับกองทุก 7 วัน',
        keywords: ['ปุ๋ยหมัก', 'ข้าว'],
      },
    });
    await ok(ctx, 'lessons.create', {
      values: { ...base, title: 'ตลาดนัดสีเขียวหน้าวัด', heldOn: '2026-06-13', story: 'เกษตรกรนำผักปลอดสารพิษมาขายทุกวันเสาร์', knowledgeAssets: 'การตรวจแปลงแบบมีส่วนร่วม', keywords: ['ตลาด'] },
    });
    dir = tempDir('tambon-lessons-pdf-');
  }, 120_000);

  afterAll(async () => {
    if (ctx) await dispatch(ctx, 'workspace.close', {});
  });

  it('one lesson: the Thai text of every field reads back, with the form\'s labels and the พ.ศ. date', async () => {
    const first = (await ok(ctx, 'lessons.list', { query: 'ปุ๋ยหมัก' })).lessons[0]!;
    const result = await ok(ctx, 'lessons.exportPdf', { id: first.id, path: path.join(dir, 'บทเรียน') });
    expect(result.path).toBe(path.join(dir, 'บทเรียน.pdf'));
    expect(result).toMatchObject({ lessons: 1, pages: 1 });
    const [page] = pagesOf(result.path) as [string];
    for (const text of [
      'แบบบันทึกการถอดบทเรียน',
      'ต.นาทราย',
      'การทำปุ๋ยหมักชีวภาพลดต้นทุนการผลิตข้าว',
      '20 พ.ค. 2569',
      'ศาลาประชาคมหมู่ที่ 2 บ้านนาทราย',
      'นางสาวทดสอบ บันทึกดี',
      'โครงการ ธนาคารปุ๋ยอินทรีย์ชุมชน',
      'ขุมความรู้',
      'แก่นความรู้',
      'การกลับกองทุก 7 วัน',
      'ปีต่อมาขยายเป็นธนาคารปุ๋ยของหมู่บ้าน',
      'ข้อตกลงของกลุ่มเกษตรกรทำนา',
      'ปุ๋ยหมัก, ข้าว',
      'หน้า 1 จาก 1',
    ]) {
      expect(page.replace(/\s+/g, ' '), text).toContain(text);
    }
    fs.mkdirSync(screenshotDir, { recursive: true });
    const png = spawnSync('/usr/bin/pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', result.path, path.join(screenshotDir, 'lessons-pdf-page1')]);
    expect(png.status).toBe(0);
  });

  it('the lessons of a project: one per page; nothing to print is refused in Thai', async () => {
    const result = await ok(ctx, 'lessons.exportPdf', { target: { kind: 'project', id: projectId }, path: path.join(dir, 'ทั้งหมด.pdf') });
    expect(result).toMatchObject({ lessons: 2, pages: 2 });
    const pages = pagesOf(result.path);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('ตลาดนัดสีเขียวหน้าวัด');
    expect(pages[1]).toContain('การทำปุ๋ยหมักชีวภาพลดต้นทุนการผลิตข้าว');
    const none = await fails(ctx, 'lessons.exportPdf', { target: { kind: 'forum', id: 'x' }, path: path.join(dir, 'ว่าง.pdf') });
    expect(none.code).toBe('REFUSED');
    expect(none.messageTh).toContain('ยังไม่มีบันทึกถอดบทเรียน');
  });

  it('the Word document: every part Word needs, the Thai text of both lessons in order, a page break between them', async () => {
    const result = await ok(ctx, 'lessons.exportDocx', { target: { kind: 'project', id: projectId }, path: path.join(dir, 'บทเรียน-word') });
    expect(result).toMatchObject({ path: path.join(dir, 'บทเรียน-word.docx'), lessons: 2 });
    // Read with fflate, a zip reader other than the app's own writer.
    const parts = unzipSync(fs.readFileSync(result.path));
    expect(Object.keys(parts).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels', 'word/document.xml', 'word/styles.xml']);
    const types = Buffer.from(parts['[Content_Types].xml']!).toString('utf8');
    expect(types).toContain('PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"');
    const document = Buffer.from(parts['word/document.xml']!).toString('utf8');
    // The text runs in reading order, as Word shows them.
    const text = [...document.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    const order = ['ตลาดนัดสีเขียวหน้าวัด', 'การทำปุ๋ยหมักชีวภาพลดต้นทุนการผลิตข้าว', 'ปีต่อมาขยายเป็นธนาคารปุ๋ยของหมู่บ้าน', 'ขุมความรู้', 'การกลับกองทุก 7 วัน'];
    let at = -1;
    for (const s of order) {
      const next = text.indexOf(s, at + 1);
      expect(next, s).toBeGreaterThan(at);
      at = next;
    }
    for (const s of ['20 พ.ค. 2569', 'นางสาวทดสอบ บันทึกดี', 'โครงการ ธนาคารปุ๋ยอินทรีย์ชุมชน', 'แบบบันทึกการถอดบทเรียน · ต.นาทราย']) expect(text, s).toContain(s);
    expect(document.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
    expect(document).toContain('w:cs="TH SarabunPSK"');
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
  });

  it('the command line prints every lesson: export … pdf --form lessons', async () => {
    const file = ctx.session.workspace!.file;
    await dispatch(ctx, 'workspace.close', {});
    const out = path.join(dir, 'cli.pdf');
    const lines: string[] = [];
    const code = await runCli(['export', '--workspace', file, 'pdf', '--form', 'lessons', '--out', out, '--json'], {
      stdout: { write: (s: string) => lines.push(s) },
      stderr: { write: (s: string) => lines.push(s) },
      env: { ...process.env, TAMBON_PLAN_HOME: path.join(dir, 'home') },
      cwd: dir,
      resourcesDir,
      appVersion: '0.0.0-test',
    });
    expect(code, lines.join('\n')).toBe(0);
    const json = JSON.parse(lines.join('')) as { file: string; pages: number; lessons: number };
    expect(json).toMatchObject({ file: out, pages: 2, lessons: 2 });
    expect(pagesOf(out).join('\n')).toContain('ตลาดนัดสีเขียวหน้าวัด');
    lines.length = 0;
    const word = path.join(dir, 'cli.docx');
    const docx = await runCli(['export', '--workspace', file, 'docx', '--form', 'lessons', '--out', word, '--json'], {
      stdout: { write: (s: string) => lines.push(s) },
      stderr: { write: (s: string) => lines.push(s) },
      env: { ...process.env, TAMBON_PLAN_HOME: path.join(dir, 'home') },
      cwd: dir,
      resourcesDir,
      appVersion: '0.0.0-test',
    });
    expect(docx, lines.join('\n')).toBe(0);
    expect(JSON.parse(lines.join(''))).toMatchObject({ file: word, lessons: 2, format: 'docx' });
    expect(fs.readFileSync(word).subarray(0, 2).toString()).toBe('PK');
  });
});
