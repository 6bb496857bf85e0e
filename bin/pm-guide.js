#!/usr/bin/env node
// Starts the built pm-guide (dist/ is made by `npm install`, through the prepare script).
import module from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

// Node 22.1 and later keep the code they compiled between runs, through this
// public API; older versions start without it. The cache sits with pm-guide's
// other cache files, and Node disables it on its own if it cannot be written.
const cacheHome = process.env.XDG_CACHE_HOME?.startsWith('/') ? process.env.XDG_CACHE_HOME : join(process.env.HOME || homedir(), '.cache');
module.enableCompileCache?.(join(cacheHome, 'pm-guide', 'compile'));

try {
  await import('../dist/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli.js')) throw error;
  process.stderr.write('pm-guide: it has not been built yet (run npm install in its folder, which builds dist/)\n');
  process.exitCode = 1;
}
