// Builds the page-load benchmark's two baselines from the demo's children and libraries, and an
// nginx configuration serving them each on its own loopback port, every file pre-compressed like
// Pergola's (brotli quality 11, gzip level 9) as a CDN would serve it, with the demo's token
// endpoint and team APIs behind the same nginx. Run by PageLoadBenchmark:
//
//   node bench/page-load/build.mjs '{"origin": "http://127.0.0.1:P", "out": "/tmp/dir",
//     "user": {...}, "ports": {"monolith": N, "singleSpa": M}}'
//
// monolith/   index.html (from page.html), app.js (one esbuild bundle: host, children, Vue,
//             Preact), the design system's two stylesheets (its index.js fetches them beside it)
// single-spa/ index.html (from page.html) with an import map, root-config.js (esbuild, bare
//             specifiers left for the import map), single-spa from npm, the children and
//             libraries as files
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const examples = join(here, "..", "..", "examples");
const { origin, out, user, ports } = JSON.parse(process.argv[2]);
const CHILDREN = ["design-system", "header", "shipping", "profile", "billing"];
const LIBRARIES = ["vue", "preact"];
const BROTLI_STATIC = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

/** Each child's entry file in examples/, by its name (the specifier Pergola's import map uses). */
const entries = Object.fromEntries(CHILDREN.map((name) => {
  const manifest = JSON.parse(readFileSync(join(examples, name, "pergola.json"), "utf8"));
  return [name, join(examples, name, manifest.entry)];
}));

// The libraries exactly as the demo serves them (its WebJar files).
const importMap = await (await fetch(`${origin}/api/environments/production/importmap.json`)).json();
const libraries = {};
mkdirSync(join(out, "lib"), { recursive: true });
for (const name of LIBRARIES) {
  const url = importMap.imports[name];
  const response = await fetch(new URL(url, origin));
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  libraries[name] = join(out, "lib", basename(url));
  writeFileSync(libraries[name], Buffer.from(await response.arrayBuffer()));
}

/** Both baselines' page: the same head and body, the user's claims as Pergola's page has them. */
const page = (values) => Object.entries({ IMPORTMAP: "", ...values, USER: JSON.stringify(user).replaceAll("<", "\\u003c") })
  .reduce((html, [key, value]) => html.replace(`{{${key}}}`, () => value), readFileSync(join(here, "page.html"), "utf8"));
const designSystemFiles = ["styles.css", "tokens.css"];

// The monolith: every bare specifier resolved at build time, one minified bundle.
const monolith = join(out, "monolith");
mkdirSync(monolith, { recursive: true });
await build({
  entryPoints: [join(here, "monolith", "main.js")],
  bundle: true,
  minify: true,
  format: "esm",
  outfile: join(monolith, "app.js"),
  logLevel: "warning",
  plugins: [{
    name: "import-map",
    setup(b) {
      const files = { ...entries, ...libraries };
      b.onResolve({ filter: /^[^./]/ }, (args) => (files[args.path] ? { path: files[args.path] } : undefined));
    },
  }],
});
writeFileSync(join(monolith, "index.html"), page({ STYLESHEET: "/styles.css", ENTRY: "/app.js" }));
for (const file of designSystemFiles) copyFileSync(join(examples, "design-system", file), join(monolith, file));

// single-spa: the children's files as published, mapped by the page's import map.
const spa = join(out, "single-spa");
const imports = { "single-spa": "/single-spa/single-spa.min.js" };
mkdirSync(join(spa, "single-spa"), { recursive: true });
copyFileSync(join(here, "node_modules", "single-spa", "lib", "es2015", "esm", "single-spa.min.js"),
  join(spa, "single-spa", "single-spa.min.js"));
for (const [name, file] of Object.entries({ ...entries, ...libraries })) {
  mkdirSync(join(spa, name), { recursive: true });
  copyFileSync(file, join(spa, name, basename(file)));
  imports[name] = `/${name}/${basename(file)}`;
}
for (const file of designSystemFiles) copyFileSync(join(examples, "design-system", file), join(spa, "design-system", file));
await build({
  entryPoints: [join(here, "single-spa", "root-config.js")],
  bundle: true,
  minify: true,
  format: "esm",
  packages: "external",
  outfile: join(spa, "root-config.js"),
  logLevel: "warning",
});
writeFileSync(join(spa, "index.html"), page({
  STYLESHEET: "/design-system/styles.css",
  IMPORTMAP: `<script type="importmap">${JSON.stringify({ imports })}</script>\n`,
  ENTRY: "/root-config.js",
}));

// Pre-compressed variants, as Pergola's registry makes them, for nginx's *_static modules.
for (const dir of [monolith, spa]) {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(html|js|css)$/.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    const data = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
  }
}

// nginx: files cached as Pergola's assets are, the page revalidated; the demo's /auth and
// /demo-api proxied (the browser sends the session cookie to every port of 127.0.0.1), their
// answers passed on as the demo sends them.
const demo = new URL(origin).host;
const proxied = `
    location ~ ^/(auth|demo-api)/ {
      proxy_pass ${origin};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host ${demo};
    }`;
const server = (port, root) => `
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location / {
      try_files $uri /index.html;
      add_header Cache-Control "public, max-age=31536000, immutable";
    }
    location = /index.html { add_header Cache-Control "no-cache"; }${proxied}
  }`;
mkdirSync(join(out, "nginx"), { recursive: true });
writeFileSync(join(out, "nginx", "nginx.conf"), `load_module ${BROTLI_STATIC};
worker_processes 1;
pid ${out}/nginx/nginx.pid;
error_log ${out}/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  types { text/html html; text/javascript js; text/css css; }
  brotli_static on;
  gzip_static on;
  client_body_temp_path ${out}/nginx; proxy_temp_path ${out}/nginx; fastcgi_temp_path ${out}/nginx;
  uwsgi_temp_path ${out}/nginx; scgi_temp_path ${out}/nginx;
${server(ports.monolith, monolith)}
${server(ports.singleSpa, spa)}
}
`);
