/**
 * The enrollment sheet (A4, Thai): tambon, office, key id, the fingerprint in groups of four and
 * a QR code of the public key, which the data center types or scans to enroll the key. Printed to
 * PDF through the print port; the HTML is self-contained (the Sarabun font inline, the QR code as
 * SVG), so Electron's printToPDF and a Chromium on the machine render it the same.
 */
import qrcode from 'qrcode-generator';
import { formatDateBE } from '../../../shared/domain/dates';
import { formatFingerprint } from '../../../shared/domain/packages';
import { escapeHtml, sarabunFontFaces } from '../printHtml';

/** A QR code of `text` as an SVG (error correction M), `size` millimetres square. */
export function qrSvg(text: string, sizeMm = 60): string {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const quiet = 4;
  let d = '';
  for (let r = 0; r < n; r += 1) for (let c = 0; c < n; c += 1) if (qr.isDark(r, c)) d += `M${c + quiet} ${r + quiet}h1v1h-1z`;
  const total = n + 2 * quiet;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}" width="${sizeMm}mm" height="${sizeMm}mm" shape-rendering="crispEdges"><rect width="${total}" height="${total}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
}

const escape = escapeHtml;

/** What the sheet shows. */
export interface SheetFacts {
  tambonCode: string;
  tambonNameTh: string;
  districtNameTh: string;
  provinceNameTh: string;
  officeName: string;
  keyId: string;
  fingerprint: string;
  publicKey: string;
  createdAt: string;
  printedAt: string;
  /** A rotation: the statement's seq. */
  fromSeq?: number;
}

/** The enrollment sheet's HTML (A4 portrait). */
export function enrollmentSheetHtml(resourcesDir: string, f: SheetFacts): string {
  const groups = formatFingerprint(f.fingerprint).split(' ');
  const rows = [groups.slice(0, 8), groups.slice(8, 16)];
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>ใบลงทะเบียนกุญแจ ${escape(f.tambonCode)}</title><style>
${sarabunFontFaces(resourcesDir)}
@page{size:A4 portrait;margin:18mm 16mm}
body{font-family:'Sarabun',sans-serif;font-size:12pt;color:#000;margin:0}
h1{font-size:20pt;margin:0 0 2mm}
.sub{font-size:11pt;margin:0 0 6mm}
table.facts{border-collapse:collapse;width:100%;margin-bottom:6mm}
table.facts th{text-align:left;width:42mm;font-weight:700;vertical-align:top;padding:1.5mm 2mm;border-bottom:0.3mm solid #999}
table.facts td{padding:1.5mm 2mm;border-bottom:0.3mm solid #999}
.fp{font-family:'Sarabun',monospace;font-size:17pt;font-weight:700;letter-spacing:0.5mm;border:0.6mm solid #000;padding:3mm 4mm;margin:2mm 0 6mm}
.fp div{white-space:nowrap}
.qr{display:flex;gap:8mm;align-items:flex-start}
.pk{font-size:9pt;word-break:break-all;font-family:monospace}
.sign{margin-top:10mm;display:grid;grid-template-columns:1fr 1fr;gap:10mm}
.sign div{border-top:0.3mm solid #000;padding-top:2mm;font-size:10pt}
.note{font-size:10pt}
</style></head><body>
<h1>ใบลงทะเบียนกุญแจลงนามชุดข้อมูล</h1>
<p class="sub">TambonPlan — สำหรับศูนย์ข้อมูลจังหวัด/อำเภอ ใช้ยืนยันกุญแจสาธารณะของตำบล${f.fromSeq ? ` (เปลี่ยนกุญแจ ใช้ตั้งแต่ชุดลำดับที่ ${f.fromSeq})` : ''}</p>
<table class="facts">
<tr><th>ตำบล</th><td>ต.${escape(f.tambonNameTh)} อ.${escape(f.districtNameTh)} จ.${escape(f.provinceNameTh)} (รหัส ${escape(f.tambonCode)})</td></tr>
<tr><th>หน่วยงาน</th><td>${escape(f.officeName)}</td></tr>
<tr><th>รหัสกุญแจ (Key ID)</th><td>${escape(f.keyId)}</td></tr>
<tr><th>สร้างกุญแจเมื่อ</th><td>${escape(formatDateBE(f.createdAt, 'th', true))}</td></tr>
<tr><th>พิมพ์เมื่อ</th><td>${escape(formatDateBE(f.printedAt, 'th', true))}</td></tr>
</table>
<p><strong>ลายนิ้วมือกุญแจ (Fingerprint, SHA-256)</strong> — อ่านทีละกลุ่ม กลุ่มละ 4 ตัว</p>
<div class="fp" data-fingerprint="${escape(f.fingerprint)}">${rows.map((r) => `<div>${r.join(' ')}</div>`).join('')}</div>
<div class="qr">${qrSvg(f.publicKey)}<div><p><strong>กุญแจสาธารณะ (minisign)</strong></p><p class="pk">${escape(f.publicKey)}</p>
<p class="note">ศูนย์ข้อมูลสแกน QR หรือพิมพ์ลายนิ้วมือข้างบนเพื่อลงทะเบียน ห้ามรับลายนิ้วมือทางอีเมลหรือข้อความที่ไม่ได้ยืนยันตัวผู้ส่ง</p></div></div>
<div class="sign"><div>ผู้มีอำนาจลงนามของหน่วยงาน (ลงชื่อ/วันที่)</div><div>เจ้าหน้าที่ศูนย์ข้อมูลผู้รับลงทะเบียน (ลงชื่อ/วันที่)</div></div>
</body></html>`;
}
