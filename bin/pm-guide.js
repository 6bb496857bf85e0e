#!/usr/bin/env node
// The executable: starts the built pm-guide (dist/ is made by `npm install`, through the prepare script).
// CommonJS (bin/package.json says so): an ES module here would start Node's ES module loader, which alone
// costs a fifth of a bare Node start; dist/boot.cjs explains the rest.
let boot;
try {
  boot = require.resolve('../dist/boot.cjs');
} catch {
  process.stderr.write('pm-guide: it has not been built yet (run npm install in its folder, which builds dist/)\n');
  process.exitCode = 1;
}
if (boot) require(boot);
