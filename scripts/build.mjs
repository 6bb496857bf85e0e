// Builds dist/: pm-guide's own code as one CommonJS file, dist/cli.cjs, and
// each dependency as its own file in dist/vendor/, loaded the first time the
// code touches it. Why this shape (numbers in BENCHMARKS.md):
// - CommonJS, not ES modules: Node 20 spends several milliseconds starting its
//   ES module loader, a fifth of a bare `node -e 0`; require() costs nothing.
// - Dependencies behind lazy stubs: `import { z } from 'zod'` in our code
//   becomes an object whose properties require dist/vendor/zod.cjs on first
//   use, so a command that never validates with zod, parses YAML or renders
//   Markdown never compiles those libraries (together many times our code).
// - Packages shared by dependencies (chalk inside marked-terminal) are external
//   to each vendor file, so there is one chalk, with the colour level we set.
// - Our own code is small and always needed, so it is one file.
import { build } from 'esbuild';
import { builtinModules, createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const finalDir = process.env.PM_GUIDE_DIST ? resolve(process.env.PM_GUIDE_DIST) : join(root, 'dist');
// Built beside the final folder and swapped in at the end, so a run in progress never sees half a build.
const outdir = `${finalDir}.building-${process.pid}`;

const src = (path) => join(root, 'src', path);
// marked-terminal imports a syntax highlighter and an emoji table eagerly; both
// cost more start-up than the rest of pm-guide. These shims stand in for them
// (see src/ui/highlight-shim.ts): the highlighter is loaded only for lessons with code.
const SHIMS = { 'cli-highlight': src('ui/highlight-shim.ts'), 'node-emoji': src('ui/emoji-shim.ts') };
// Our own modules that must be one instance in every file that uses them: the
// highlight shim holds the highlighter that render.ts loads and marked-terminal calls.
const SHARED_OWN = { [src('ui/highlight-shim.ts')]: 'pm-highlight-shim' };

const builtins = new Set(builtinModules);
// Node modules that are not loaded at start-up and cost a millisecond or more
// to load (child_process, used by commander only for subcommands we do not
// have; tty and net, which only a terminal needs). Code that imports them gets
// getters that load them on first use.
const LAZY_BUILTINS = ['child_process', 'os', 'tty', 'net', 'readline', 'worker_threads', 'v8', 'perf_hooks', 'http', 'https', 'zlib', 'dns', 'dgram', 'inspector'];
const lazyBuiltinNames = Object.fromEntries(LAZY_BUILTINS.map((m) => [m, Object.keys(createRequire(import.meta.url)(m))]));

/** Plugin: lazy Node modules, and chalk without its colour detection (theme.ts always sets the level, from our own policy). */
const lazyBuiltins = {
  name: 'pm-guide-lazy-builtins',
  setup(b) {
    b.onResolve({ filter: /^(node:)?[a-z_]+$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (args.namespace === 'pm-lazy-builtin' || !lazyBuiltinNames[name]) return undefined;
      return { path: name, namespace: 'pm-lazy-builtin' };
    });
    b.onResolve({ filter: /.*/, namespace: 'pm-lazy-builtin' }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'pm-lazy-builtin' }, (args) => ({
      loader: 'js',
      contents: `"use strict";
let m;
const load = () => m ?? (m = require("node:${args.path}"));
for (const k of ${JSON.stringify(lazyBuiltinNames[args.path])}) Object.defineProperty(exports, k, { enumerable: true, get: () => load()[k] });
`,
    }));
    // chalk asks tty.isatty() as it loads; pm-guide decides colour itself (ui/theme.ts) before any output.
    b.onResolve({ filter: /^#supports-color$/ }, (args) => (args.importer.includes(`${'node_modules'}/chalk/`) ? { path: 'chalk-supports-color', namespace: 'pm-chalk-colour' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'pm-chalk-colour' }, () => ({
      loader: 'js',
      contents: 'export function createSupportsColor() { return false; }\nexport default { stdout: false, stderr: false };\n',
    }));
  },
};
const isBare = (spec) => !/^[./#]/.test(spec) && !spec.startsWith('node:') && !builtins.has(spec) && !builtins.has(spec.split('/')[0]);
const fileFor = (name) => `${name.replace(/^@/, '').replace(/[^A-Za-z0-9]+/g, '-')}.cjs`;

/** The build's identity, for caches (src/io/cache.ts): a hash of everything that goes into dist/. */
function buildIdentity() {
  const hash = createHash('sha256');
  const add = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) add(full);
      else hash.update(`${relative(root, full)}\0`).update(readFileSync(full));
    }
  };
  add(join(root, 'src'));
  for (const file of ['package.json', 'package-lock.json', 'scripts/build.mjs']) if (existsSync(join(root, file))) hash.update(readFileSync(join(root, file)));
  return hash.digest('hex').slice(0, 16);
}

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // import() of another built file becomes a require(): no ES module loader, ever.
  supported: { 'dynamic-import': false },
  // ES modules that read import.meta.url get the file's URL, as they would unbundled.
  define: { 'import.meta.url': '__pmImportMetaUrl', PM_GUIDE_VERSION: JSON.stringify(pkg.version), PM_GUIDE_BUILD: JSON.stringify(buildIdentity()) },
  banner: { js: "var __pmImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

// Packages every command loads (colour): part of cli.cjs, not vendor files. (commander is
// a vendor file: read, list and next are recognised without it, see src/cli/fast-args.ts.)
const HOT = ['chalk'];
/** Where cli.cjs's copy of each HOT package lives, to share it only with dependencies that import that same copy. */
const hotPaths = new Map();
/** vendor name -> { entry: what to bundle, path: the resolved file (to tell shared copies from nested ones) } */
const vendors = new Map();

/**
 * What our code imports from each package: the names it imports (a stub
 * defines only those: every getter costs start-up time in each module that
 * imports the stub), or '*' when it takes the whole module, and whether it
 * imports the default export.
 */
function findImports(dir, found = new Map()) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) findImports(path, found);
    else if (/\.c?ts$/.test(entry.name)) {
      const text = readFileSync(path, 'utf8');
      for (const m of text.matchAll(/^import\s+(?!type\b)([^'";]*?)\s*from\s*'([^']+)'/gm)) {
        const [, clause, spec] = m;
        const info = found.get(spec) ?? { names: new Set(), all: false, default: false };
        found.set(spec, info);
        const braces = /\{([^}]*)\}/.exec(clause);
        const outside = clause.replace(/\{[^}]*\}/, '').replace(/,/g, ' ').trim();
        if (outside.startsWith('*')) info.all = true;
        else if (outside !== '') info.default = true;
        for (const part of braces ? braces[1].split(',') : []) {
          const name = part.trim().split(/\s+as\s+/)[0].trim();
          if (name && !name.startsWith('type ')) info.names.add(name);
        }
      }
      for (const m of text.matchAll(/import\(\s*'([^']+)'\s*\)/g)) {
        const info = found.get(m[1]) ?? { names: new Set(), all: false, default: false };
        info.all = true;
        found.set(m[1], info);
      }
    }
  }
  return found;
}
const ourImports = findImports(join(root, 'src'));
const defaultImported = new Set([...ourImports].filter(([, info]) => info.default).map(([spec]) => spec));
const exportNames = new Map();

async function namesOf(name) {
  if (!exportNames.has(name)) {
    const v = vendors.get(name);
    if (v.path.endsWith('.ts')) {
      // One of our shared modules: Node cannot import TypeScript, so read its exports from the source.
      const text = readFileSync(v.path, 'utf8');
      exportNames.set(name, [...text.matchAll(/^export (?:async )?(?:function|const|let|class) (\w+)/gm)].map((m) => m[1]));
    } else {
      const mod = await import(pathToFileURL(v.path).href);
      exportNames.set(name, Object.keys(mod).filter((k) => k !== '__esModule'));
    }
  }
  return exportNames.get(name);
}

// Packages that re-export many independent modules, of which our code uses a
// few: their vendor file holds only the names our code imports, and what they
// re-export is bundled as the packages declare it (sideEffects: false), so the
// rest is left out. @inquirer/prompts re-exports ten prompts and we use four;
// the editor prompt alone brought an encoding detector and converter (chardet,
// iconv-lite) into the file: 738 KB, where the four prompts are 32 KB.
const NARROWED = new Set(['@inquirer/prompts']);
/** Vendor files that other vendor files require: they must export everything (checked for NARROWED). */
const requiredByVendors = new Set();

/**
 * Resolves what a file imports: a package, or a shared module of ours, becomes
 * a separate vendor file. In our code it is reached through a lazy stub; inside
 * a vendor file, through a plain require of the sibling file.
 * `own` is the vendor being built (undefined for our code).
 */
function vendorPlugin(own) {
  return {
    name: 'pm-guide-vendor',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.inner || args.namespace === 'pm-stub') return undefined;
        let spec = args.path;
        if (SHIMS[spec]) spec = SHIMS[spec];
        const resolved = await b.resolve(spec, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: { inner: true } });
        if (resolved.errors.length > 0 || resolved.external) return undefined;
        let name = SHARED_OWN[resolved.path];
        if (name === undefined) {
          if (!isBare(args.path) || SHIMS[args.path]) return spec === args.path ? undefined : { path: resolved.path };
          if (HOT.includes(args.path)) {
            // Part of cli.cjs. A dependency that imports the same copy gets cli.cjs's instance.
            if (own === undefined) {
              hotPaths.set(args.path, resolved.path);
              return undefined;
            }
            if (hotPaths.get(args.path) === resolved.path) return { path: args.path, namespace: 'pm-shared' };
            return { path: resolved.path };
          }
          const known = vendors.get(args.path);
          if (own !== undefined && args.kind !== 'dynamic-import') {
            // Inside a dependency: share only a package our code also loads, and only the same copy of it.
            if (!known || known.path !== resolved.path) return { path: resolved.path, ...(NARROWED.has(own) ? { sideEffects: resolved.sideEffects } : {}) };
          }
          name = args.path;
          if (!known) vendors.set(name, { entry: args.path, path: resolved.path });
        } else if (!vendors.has(name)) {
          vendors.set(name, { entry: resolved.path, path: resolved.path });
        }
        if (name === own) return { path: resolved.path };
        if (own !== undefined) {
          requiredByVendors.add(name);
          return { path: `./${fileFor(name)}`, external: true };
        }
        return { path: name, namespace: 'pm-stub' };
      });
      b.onLoad({ filter: /.*/, namespace: 'pm-stub' }, async (args) => {
        const file = JSON.stringify(`./vendor/${fileFor(args.path)}`);
        // esbuild gives an ES module's default import of CommonJS the whole
        // module.exports (as Node does), so a package our code default-imports
        // is required at once; the others wait behind getters.
        if (defaultImported.has(args.path)) return { loader: 'js', contents: `module.exports = require(${file});\n` };
        const used = ourImports.get(args.path);
        const names = (await namesOf(args.path)).filter((n) => n !== 'default' && (!used || used.all || used.names.has(n)));
        return {
          loader: 'js',
          contents: `"use strict";
let m;
const load = () => m ?? (m = require(${file}));
for (const k of ${JSON.stringify(names)}) Object.defineProperty(exports, k, { enumerable: true, get: () => load()[k] });
`,
        };
      });
      b.onResolve({ filter: /^\.\/vendor\//, namespace: 'pm-stub' }, (args) => ({ path: args.path, external: true }));
      b.onLoad({ filter: /.*/, namespace: 'pm-shared' }, (args) => ({
        loader: 'js',
        contents: `"use strict";
const ns = globalThis[Symbol.for("pm-guide.shared")]?.[${JSON.stringify(args.path)}];
if (!ns) throw new Error("pm-guide: ${args.path} is not loaded");
const d = ns.default;
let out = ns;
if (d !== null && (typeof d === "object" || typeof d === "function")) {
  out = d;
  for (const k of Object.keys(ns)) if (k !== "default" && !(k in d)) Object.defineProperty(d, k, { get: () => ns[k], configurable: true });
}
module.exports = out;
`,
      }));
    },
  };
}

/** The entry of cli.cjs: registers the packages it shares with vendor files, then runs src/cli.ts. */
const sharedEntry = {
  name: 'pm-guide-shared-entry',
  setup(b) {
    b.onResolve({ filter: /^pm-shared:register$/ }, () => ({ path: 'register', namespace: 'pm-shared-register' }));
    b.onLoad({ filter: /.*/, namespace: 'pm-shared-register' }, () => ({
      loader: 'js',
      resolveDir: root,
      contents: `${HOT.map((p, i) => `import * as p${i} from ${JSON.stringify(p)};`).join('\n')}
globalThis[Symbol.for("pm-guide.shared")] = { ${HOT.map((p, i) => `${JSON.stringify(p)}: p${i}`).join(', ')} };
`,
    }));
  },
};

const NODE_STYLE_EXPORTS = `(() => {
  const ns = module.exports;
  const d = ns.default;
  if (d === null || (typeof d !== 'object' && typeof d !== 'function')) return;
  for (const k of Object.keys(ns)) {
    if (k === 'default' || k in d) continue;
    try { Object.defineProperty(d, k, { enumerable: true, get: () => ns[k] }); } catch {}
  }
  module.exports = d;
})();`;

rmSync(outdir, { recursive: true, force: true });
mkdirSync(join(outdir, 'vendor'), { recursive: true });

try {
  await build({
    ...common,
    plugins: [sharedEntry, lazyBuiltins, vendorPlugin(undefined)],
    // The registration comes first, so it has run before any vendor file can load.
    stdin: { contents: "import 'pm-shared:register';\nimport './src/cli.ts';\n", resolveDir: root, sourcefile: 'entry.js', loader: 'js' },
    outfile: join(outdir, 'cli.cjs'),
    absWorkingDir: root,
  });
  // The starter, which loads cli.cjs with V8's code cache (see src/boot.cts).
  await build({
    ...common,
    entryPoints: { boot: 'src/boot.cts' },
    outdir,
    outExtension: { '.js': '.cjs' },
    absWorkingDir: root,
    plugins: [{ name: 'pm-guide-boot', setup: (b) => b.onResolve({ filter: /^\.\/cli\.cjs$/ }, (args) => ({ path: args.path, external: true })) }],
  });

  // Each vendor file; building one can find more (a dependency's own lazy import).
  const built = new Set();
  for (let pending = [...vendors.keys()]; pending.length > 0; pending = [...vendors.keys()].filter((n) => !built.has(n))) {
    for (const name of pending) {
      built.add(name);
      const v = vendors.get(name);
      const names = await namesOf(name);
      const from = JSON.stringify(v.entry);
      const used = ourImports.get(name);
      const narrowed = NARROWED.has(name) && used && !used.all && !used.default && used.names.size > 0;
      const contents = narrowed
        ? `export { ${[...used.names].sort().join(', ')} } from ${from};\n`
        : `export * from ${from};\n${names.includes('default') ? `export { default } from ${from};\n` : ''}`;
      await build({
        ...common,
        plugins: [lazyBuiltins, vendorPlugin(name)],
        stdin: { contents, resolveDir: root, sourcefile: `vendor:${name}`, loader: 'js' },
        outfile: join(outdir, 'vendor', fileFor(name)),
        // Node-style exports: module.exports is the package's default export (when
        // it has one) carrying the named exports, which is what an ES module
        // importing this file through esbuild's interop expects.
        footer: { js: NODE_STYLE_EXPORTS },
        absWorkingDir: root,
      });
    }
  }
  for (const name of NARROWED) {
    if (requiredByVendors.has(name)) throw new Error(`build: ${name} is required by another vendor file, which may use names our code does not: take it out of NARROWED`);
  }
} catch (error) {
  rmSync(outdir, { recursive: true, force: true });
  throw error;
}

// Every built file as pure ASCII: esbuild leaves non-ASCII characters in regular
// expression literals, and one such character makes V8 hold the whole file as
// two-byte text, slower to read and twice the memory. A \\uXXXX escape means
// the same character in a regex, string, template or comment (String.raw aside,
// which is checked for).
for (const file of [join(outdir, 'cli.cjs'), join(outdir, 'boot.cjs'), ...readdirSync(join(outdir, 'vendor')).map((f) => join(outdir, 'vendor', f))]) {
  const text = readFileSync(file, 'utf8');
  if (!/[^\x00-\x7f]/.test(text)) continue;
  if (text.split('\n').some((line) => /[^\x00-\x7f]/.test(line) && line.includes('String.raw'))) throw new Error(`${file}: non-ASCII text in a String.raw template`);
  writeFileSync(file, text.replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

// Swap the new build in.
const old = `${finalDir}.old-${process.pid}`;
if (existsSync(finalDir)) renameSync(finalDir, old);
renameSync(outdir, finalDir);
rmSync(old, { recursive: true, force: true });
if (process.env.PM_GUIDE_BUILD_VERBOSE) console.log(`built ${relative(root, finalDir)}: cli.cjs + ${vendors.size} vendor files (${[...vendors.keys()].join(', ')})`);
