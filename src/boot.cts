// Starts the built pm-guide (dist/cli.cjs) with V8's code cache: the bytecode
// V8 compiled for pm-guide's files in an earlier run is kept in the user's
// cache folder and handed back to V8, which then skips parsing and compiling
// them. Node 20 has no built-in compile cache (module.enableCompileCache came
// in Node 22.1), so this does for our own files what that does.
//
// Safe by construction: a cache file is named after the file's size, mtime and
// inode and the Node version, V8 checks it again and rejects what does not
// match, and any failure here falls back to Node's ordinary compile. The cache
// is per command (read, list, ...), because V8 caches the functions a run
// compiled, and each command runs different ones. PM_GUIDE_NO_CACHE=1 turns it off.
/* eslint-disable @typescript-eslint/no-require-imports */
const fs = require('node:fs') as typeof import('node:fs');
const path = require('node:path') as typeof import('node:path');
const vm = require('node:vm') as typeof import('node:vm');
const Module = require('node:module') as typeof import('node:module') & {
  wrap(source: string): string;
  prototype: { _compile(this: NodeModule, content: string, filename: string): unknown };
};

interface Pending {
  script: import('node:vm').Script;
  file: string;
  stale: string[];
}

function cacheFolder(): string | undefined {
  const env = process.env;
  if (env.PM_GUIDE_NO_CACHE) return undefined;
  const home = env.HOME || (require('node:os') as typeof import('node:os')).homedir();
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : path.join(home, '.cache');
  return path.join(base, 'pm-guide', 'v8', `${process.version}-${process.arch}`);
}

/** The command being run, as a cache name: what V8 compiles depends on it. */
function commandName(argv: readonly string[]): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--lessons' || arg === '--progress') i++;
    else if (!arg.startsWith('-')) return /^[a-z]{2,12}$/.test(arg) ? arg : 'other';
  }
  return argv.length === 0 ? 'home' : 'none';
}

function install(dist: string, folder: string): void {
  const command = commandName(process.argv.slice(2));
  const pending: Pending[] = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (this: NodeModule, content: string, filename: string): unknown {
    if (!filename.startsWith(dist)) return compile.call(this, content, filename);
    let script: import('node:vm').Script;
    let cached = false;
    let name: string;
    try {
      const st = fs.statSync(filename);
      const prefix = `${path.basename(filename)}.${command}.`;
      name = `${prefix}${st.size}-${Math.trunc(st.mtimeMs)}-${st.ino}.bin`;
      const cacheFile = path.join(folder, name);
      // (Asked first: a missing file is the usual miss, and an exception costs more than the question.)
      const cachedData = fs.statSync(cacheFile, { throwIfNoEntry: false }) ? fs.readFileSync(cacheFile) : undefined;
      script = new vm.Script(Module.wrap(content), {
        filename,
        ...(cachedData ? { cachedData } : {}),
        importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
      } as import('node:vm').ScriptOptions);
      cached = cachedData !== undefined && !script.cachedDataRejected;
      if (!cached) pending.push({ script, file: name, stale: [prefix] });
    } catch {
      return compile.call(this, content, filename);
    }
    const fn = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    const mod = this;
    const req = ((id: string) => mod.require(id)) as NodeJS.Require;
    req.resolve = ((request: string, options?: { paths?: string[] }) =>
      (Module as unknown as { _resolveFilename: (r: string, m: NodeModule, main: boolean, o?: object) => string })._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
    req.cache = require.cache;
    req.main = require.main;
    return fn.call(mod.exports, mod.exports, req, mod, filename, path.dirname(filename));
  };
  // Written once, at exit, so that the cache holds every function this run compiled.
  process.on('exit', () => {
    if (pending.length === 0) return;
    try {
      fs.mkdirSync(folder, { recursive: true });
      const existing = fs.readdirSync(folder);
      for (const p of pending) {
        for (const old of existing) if (p.stale.some((s) => old.startsWith(s)) && old !== p.file) fs.rmSync(path.join(folder, old), { force: true });
        const temp = path.join(folder, `${p.file}.${process.pid}.tmp`);
        fs.writeFileSync(temp, p.script.createCachedData());
        fs.renameSync(temp, path.join(folder, p.file));
      }
    } catch {
      // A cache that cannot be written only means the next start compiles again.
    }
  });
}

const folder = cacheFolder();
if (folder) install(__dirname + path.sep, folder);
require('./cli.cjs');
