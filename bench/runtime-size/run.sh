#!/usr/bin/env bash
# The browser runtime's size as served: the bundle every shell page loads (pergola.js) and the
# adapter module for each kind of child (loaded only by pages showing that kind; a page showing
# children of several kinds loads one module holding their adapters instead), brotli
# (quality 11, as the server compresses them) and gzip (level 9), against single-spa's core
# (its minified ES module from npm, installed here, not committed) and the 4 KB brotli budget.
# Usage: bench/runtime-size/run.sh [--check]   (--check: exit 1 when pergola.js is over budget)
# Needs node and npm; builds the runtime with ./pergola (which finds a JDK 21+).
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
require node nodejs
require npm
cd "$repo_root"

build_log="$(mktemp)"
# Rebuilt every run, so the figures are those of the runtime in this working tree.
PERGOLA_REBUILD=1 ./pergola --version >/dev/null 2>"$build_log" || { cat "$build_log" >&2; exit 1; }
rm -f "$build_log"
runtime="$repo_root/pergola-runtime/target/classes/pergola/runtime"
[ -f "$runtime/pergola.js" ] || { echo "bench: no bundle at $runtime" >&2; exit 1; }

peer="$bench_root/runtime-size/.npm"
single_spa="$peer/node_modules/single-spa/lib/es2015/esm/single-spa.min.js"
[ -f "$single_spa" ] || npm install --silent --no-save --no-package-lock --prefix "$peer" single-spa@6 >/dev/null
[ -f "$single_spa" ] || { echo "bench: npm did not install single-spa" >&2; exit 1; }

exec node --input-type=module - "$runtime" "$single_spa" "$@" <<'EOF'
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const [runtime, singleSpa, ...flags] = process.argv.slice(2);
const BUDGET = 4096;
const size = (file) => {
  const data = readFileSync(file);
  return {
    raw: data.length,
    br: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    gz: gzipSync(data, { level: 9 }).length,
  };
};
const row = (name, s, ratio = "") => console.log(name.padEnd(48) + String(s.raw).padStart(8)
  + String(s.br).padStart(8) + String(s.gz).padStart(8) + ratio.padStart(10));
const peerVersion = JSON.parse(readFileSync(join(singleSpa, "../../../../package.json"), "utf8")).version;

const core = size(join(runtime, "pergola.js"));
const peer = size(singleSpa);
const vs = (s) => (s.br / peer.br).toFixed(2) + "x";
row("figure", { raw: "bytes", br: "brotli", gz: "gzip" }, "/ peer br");
row("pergola.js (every shell page)", core, vs(core));
// A kind's module with the other kind modules it imports (federation uses two), not the bundle.
const withImports = (file, seen = new Set()) => {
  if (seen.has(file) || file === "pergola.js") return seen;
  seen.add(file);
  for (const [, dep] of readFileSync(join(runtime, file), "utf8").matchAll(/from"\.\/([\w-]+\.js)"/g)) {
    withImports(dep, seen);
  }
  return seen;
};
for (const file of readdirSync(runtime).filter((f) => f.endsWith("-kind.js")).sort()) {
  const page = { ...core };
  for (const part of withImports(file)) {
    const s = size(join(runtime, part));
    page.raw += s.raw; page.br += s.br; page.gz += s.gz;
  }
  row("pergola.js + " + [...withImports(file)].join(" + "), page, vs(page));
}
row(`single-spa ${peerVersion} core (peer)`, peer, "1.00x");
console.log(`budget: pergola.js is ${core.br} of ${BUDGET} bytes brotli`
  + (core.br > BUDGET ? " (OVER BUDGET)" : ""));
process.exitCode = flags.includes("--check") && core.br > BUDGET ? 1 : 0;
EOF
