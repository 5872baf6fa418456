// Preloaded into every benchmarked process (NODE_OPTIONS=--require): on exit, appends
// the process's peak resident memory in KiB to the file named by SCREENER_BENCH_RSS.
'use strict';
const fs = require('node:fs');
const out = process.env.SCREENER_BENCH_RSS;
if (out) {
  process.on('exit', () => {
    try {
      fs.appendFileSync(out, `${process.resourceUsage().maxRSS}\n`);
    } catch {
      // Benchmark bookkeeping must never change the process's own behaviour.
    }
  });
}
