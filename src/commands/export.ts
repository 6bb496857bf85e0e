// pm-guide export [FILE]: your progress as JSON, to stdout or a file, to take
// to another machine (pm-guide import FILE there).
import { resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { neutraliseLine } from '../core/text.js';
import { writeFileAtomic } from '../io/transfer.js';
import { theme } from '../ui/theme.js';
import { print, type Context } from '../context.js';
import { openStore } from './session.js';
import { jsonText } from '../ui/json-text.js';

export interface ExportOptions {
  file?: string | undefined;
  force: boolean;
}

export async function runExport(ctx: Context, options: ExportOptions): Promise<void> {
  const store = openStore(ctx);
  const progress = store.load();
  const json = `${jsonText(progress, 2)}\n`;
  if (options.file === undefined || options.file === '-') {
    ctx.stdout.write(json);
    return;
  }
  const target = resolve(options.file);
  if (target === resolve(store.file)) {
    throw new UsageError('that is the progress file itself', 'export to another file, e.g. pm-guide export progress-backup.json');
  }
  writeFileAtomic(target, json, { overwrite: options.force });
  const shown = neutraliseLine(options.file);
  const answers = Object.values(progress.items).reduce((n, i) => n + i.seen, 0);
  const read = Object.values(progress.lessons).filter((l) => l.readAt !== undefined).length;
  print(ctx, `Exported ${read} lesson${read === 1 ? '' : 's'} read and ${answers} answer${answers === 1 ? '' : 's'} to ${shown}.`);
  print(ctx, theme.dim(`On the other machine: pm-guide import ${shown}`));
}
