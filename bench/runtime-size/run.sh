#!/bin/sh
# Prints the brotli (quality 11) and gzip (level 9) size of every runtime file, marks the files
# every page loads (the static imports of pergola.js) apart from the lazily loaded kind adapters,
# and totals both against the 4 KB brotli budget. Uses node's zlib: the brotli CLI is often missing.
# Usage: bench/runtime-size/run.sh [--check]   (--check: exit 1 when the total is over budget)
set -eu
cd "$(dirname "$0")/../../pergola-runtime/src"
exec node --input-type=module - "$@" <<'EOF'
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const BUDGET = 4096;
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]);
const files = walk(".").filter((f) => f.endsWith(".js")).sort();
const eager = new Set();
const follow = (file) => {
  if (eager.has(file)) return;
  eager.add(file);
  const imports = /^(?:import|export)[^;]*? from ["'](\.[^"']+)["']/gm;
  for (const [, spec] of readFileSync(file, "utf8").matchAll(imports)) {
    follow(join(file, "..", spec));
  }
};
follow("pergola.js");
const row = (name, raw, br, gz) => console.log(
  name.padEnd(38) + String(raw).padStart(8) + String(br).padStart(8) + String(gz).padStart(8));
row("file (* = every page)", "bytes", "brotli", "gzip");
const total = { raw: 0, br: 0, gz: 0 };
const always = { raw: 0, br: 0, gz: 0 };
for (const file of files) {
  const data = readFileSync(file);
  const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const gz = gzipSync(data, { level: 9 }).length;
  for (const sum of eager.has(file) ? [total, always] : [total]) {
    sum.raw += data.length; sum.br += br; sum.gz += gz;
  }
  row((eager.has(file) ? "* " : "  ") + file, data.length, br, gz);
}
row("every page (" + eager.size + " files)", always.raw, always.br, always.gz);
row("total, all kinds (" + files.length + " files)", total.raw, total.br, total.gz);
console.log("budget: " + total.br + " of " + BUDGET + " bytes brotli" +
  (total.br > BUDGET ? " (OVER BUDGET)" : ""));
process.exitCode = process.argv.includes("--check") && total.br > BUDGET ? 1 : 0;
EOF
