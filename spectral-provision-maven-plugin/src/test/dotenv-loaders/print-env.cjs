// Run as `node --env-file=FILE print-env.cjs`: prints process.env as JSON, {KEY: hex of the value's
// UTF-8 bytes}, so that DotEnvLoadersTest sees what Node's own .env parser read.
'use strict';
const out = {};
for (const [k, v] of Object.entries(process.env)) out[k] = Buffer.from(v, 'utf8').toString('hex');
require('fs').writeSync(1, JSON.stringify(out));
