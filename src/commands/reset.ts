// pm-guide reset: clears progress, after a confirmation.
import { UsageError } from '../core/errors.js';
import { emptyProgress } from '../core/progress.js';
import { neutraliseLine } from '../core/text.js';
import { isInteractive, print, type Context } from '../context.js';
import { openStore } from './session.js';

export interface ResetOptions {
  yes: boolean;
}

export async function runReset(ctx: Context, options: ResetOptions): Promise<void> {
  const store = openStore(ctx);
  if (!options.yes) {
    if (!isInteractive(ctx)) {
      throw new UsageError('reset needs a confirmation, and there is no terminal to ask on', 'run pm-guide reset --yes to clear progress without asking');
    }
    const sure = await ctx.prompter.confirm(`Clear all progress in ${neutraliseLine(store.file)}? This cannot be undone.`, false);
    if (!sure) {
      print(ctx, 'Nothing changed.');
      return;
    }
  }
  store.update(() => emptyProgress());
  print(ctx, `Progress cleared (${neutraliseLine(store.file)}).`);
}
