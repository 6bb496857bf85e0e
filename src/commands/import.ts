// pm-guide import FILE: merges progress exported elsewhere into yours. Answers
// from both are kept and schedules merged (the rules are in src/core/merge.ts);
// a malformed file, or one from a newer pm-guide, is refused and nothing changes.
import { mergeProgress, type MergeSummary } from '../core/merge.js';
import type { Progress } from '../core/progress.js';
import { neutraliseLine } from '../core/text.js';
import { MAX_IMPORT_BYTES, parseImportText, readImportFile, tooLargeToImport } from '../io/transfer.js';
import { theme } from '../ui/theme.js';
import { print, type Context, type InStream } from '../context.js';
import { openStore } from './session.js';

export interface ImportOptions {
  file: string;
}

/** Standard input, up to the limit a file has too: past it, reading stops and the import is refused. */
async function readAll(stream: InStream): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += bytes.length;
    if (total > MAX_IMPORT_BYTES) {
      stream.destroy();
      throw tooLargeToImport('standard input');
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function describe(summary: MergeSummary): string {
  const parts: string[] = [];
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  if (summary.answersAdded) parts.push(n(summary.answersAdded, 'answer'));
  if (summary.questionsAdded) parts.push(`${n(summary.questionsAdded, 'question')} new to this machine`);
  if (summary.lessonsChanged) parts.push(`${n(summary.lessonsChanged, 'lesson')} read or scored`);
  if (summary.daysChanged) parts.push(`${n(summary.daysChanged, 'day')} of activity`);
  return parts.join(', ');
}

export async function runImport(ctx: Context, options: ImportOptions): Promise<void> {
  // Read and check the whole file before touching progress: a bad file changes nothing.
  const incoming: Progress = options.file === '-' ? parseImportText(await readAll(ctx.stdin), 'standard input') : readImportFile(options.file);
  const store = openStore(ctx);
  let summary: MergeSummary | undefined;
  store.update((mine) => {
    const merged = mergeProgress(mine, incoming);
    summary = merged.summary;
    return merged.progress;
  });
  const what = describe(summary!);
  // Paths are shown as text, never as escapes a terminal would act on.
  const from = neutraliseLine(options.file);
  if (what === '') print(ctx, `Nothing new in ${from}: your progress already holds all of it.`);
  else print(ctx, `Imported from ${from}: ${what}.`);
  print(ctx, theme.dim(`Saved in ${neutraliseLine(store.file)}. pm-guide stats shows where you are.`));
}
