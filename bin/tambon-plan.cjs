#!/usr/bin/env node
// Launcher for `npx tambon-plan`: checks the Node version first (the SQLite driver crashes an
// older Node without a word), then runs the bundled command line (dist/cli.cjs), or says in one
// line how to build it (exit 2).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `tambon-plan: ต้องใช้ Node.js 22.12 ขึ้นไป (แนะนำ 24) แต่เครื่องนี้เป็น ${process.version} / needs Node.js 22.12 or newer (24 recommended); this is ${process.version}\n`,
  );
  process.exit(2);
}

const bundle = path.join(__dirname, '..', 'dist', 'cli.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('tambon-plan: ยังไม่ได้ build โปรแกรม ให้รัน npm run build ก่อน / not built yet: run `npm run build` first\n');
  process.exit(2);
}
// V8's compile cache (Node ≥ 22.1) saves ~25 ms per run on the 1 MB bundle; see bench/README.md.
require('node:module').enableCompileCache?.();
require(bundle);
