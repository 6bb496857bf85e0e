// Runs scripts/audit-questions.ts: bundled with esbuild (as scripts/build.mjs
// bundles the CLI) into a temporary file, so the audit needs no TypeScript
// loader and always measures the code as it is in src/.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pm-guide-audit-'));
const outfile = join(dir, 'audit.mjs');
try {
  await build({
    entryPoints: [join(root, 'scripts/audit-questions.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    // Packages that use require() inside an ES module bundle need it defined.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
