#!/usr/bin/env node
// The executable: loads the built entry (dist/ is made by `npm install`, through the prepare script).
import('../dist/cli.js').catch((error) => {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist')) throw error;
  process.stderr.write('pm-guide: it has not been built yet (run npm install in its folder, which builds dist/)\n');
  process.exitCode = 1;
});
