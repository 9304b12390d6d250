#!/usr/bin/env node
// Launcher for `npx tambon-plan`: runs the bundled command line (dist/cli.cjs), or says how to build it.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'dist', 'cli.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('tambon-plan: ยังไม่ได้ build โปรแกรม / not built yet: run `npm run build` first\n');
  process.exit(2);
}
require(bundle);
