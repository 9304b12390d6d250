/**
 * What every self-contained print document shares (the enrollment sheet, the forum's PDF forms):
 * the bundled Sarabun inline as @font-face rules, so Electron's printToPDF and a Chromium on the
 * machine render the same Thai without any font installed, and HTML escaping.
 */
import fs from 'node:fs';
import path from 'node:path';

/** `text` safe inside HTML text and attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The @font-face rules of the bundled Sarabun (resources/fonts, regular and bold, Thai and Latin), inline. */
export function sarabunFontFaces(resourcesDir: string): string {
  const faces: string[] = [];
  for (const weight of [400, 700]) {
    for (const subset of ['thai', 'latin']) {
      const file = path.join(resourcesDir, 'fonts', `sarabun-${subset}-${weight}-normal.woff2`);
      if (!fs.existsSync(file)) continue;
      faces.push(`@font-face{font-family:'Sarabun';font-weight:${weight};src:url(data:font/woff2;base64,${fs.readFileSync(file).toString('base64')}) format('woff2');}`);
    }
  }
  return faces.join('\n');
}
