// What every bundle of pm-guide's code is built with (the CLI, and the scripts
// run by run-ts.mjs): an ES module for Node, with pm-guide's stand-ins for
// what marked-terminal loads and does not need (src/ui/highlight-shim.ts says
// why; vitest.config.ts does the same for the tests).
export const nodeBundle = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  logLevel: 'warning',
  // Dependencies written as CommonJS call require(), which an ES module lacks.
  banner: { js: "import { createRequire as pmGuideRequire } from 'node:module'; const require = pmGuideRequire(import.meta.url);" },
  alias: { 'cli-highlight': './src/ui/highlight-shim.ts', 'node-emoji': './src/ui/emoji-shim.ts' },
};
