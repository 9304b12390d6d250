// The entry of dist/vendor/exceljs.cjs (see build-node.mjs): exceljs, bundled on its own.
module.exports = require('exceljs');
