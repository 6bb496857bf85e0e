// pm-guide completion bash|zsh|fish prints a shell completion script (see
// cli/completion-scripts.ts); the hidden `__complete-lessons` command is what
// the scripts ask for the course's lessons when you press Tab.
import { completionScript } from '../cli/completion-scripts.js';
import { SHELLS, type CompletionSpec, type Shell } from '../cli/completion-spec.js';
import { UsageError } from '../core/errors.js';
import { quizzable } from '../core/quiz/bank.js';
import { loadCourse } from '../io/load-course.js';
import { print, type Context } from '../context.js';

export interface CompletionOptions {
  shell: string | undefined;
  spec: CompletionSpec;
}

export async function runCompletion(ctx: Context, options: CompletionOptions): Promise<void> {
  const shell = options.shell ?? shellFromEnv(ctx.env);
  if (!shell || !(SHELLS as readonly string[]).includes(shell)) {
    throw new UsageError(
      shell ? `no completion for "${shell}": pm-guide knows bash, zsh and fish` : 'which shell? pm-guide knows bash, zsh and fish',
      'run pm-guide completion bash (or zsh, or fish)',
    );
  }
  ctx.stdout.write(completionScript(shell as Shell, options.spec));
}

function shellFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const name = env.SHELL?.split('/').pop();
  return name && (SHELLS as readonly string[]).includes(name) ? name : undefined;
}

export interface CompleteLessonsOptions {
  quizzable: boolean;
}

/**
 * The hidden helper the scripts call: one lesson per line, id then number,
 * each followed by a tab and the title. Quiet on any error: a broken course
 * must not print into the learner's command line.
 */
export async function runCompleteLessons(ctx: Context, options: CompleteLessonsOptions): Promise<void> {
  let nodes;
  try {
    nodes = loadCourse(ctx.paths.lessonsDir).course.ordered;
  } catch {
    return;
  }
  const shown = options.quizzable ? nodes.filter(quizzable) : nodes;
  const clean = (s: string) => s.replace(/[\t\n\r\u0000-\u001f\u007f-\u009f]/g, ' ');
  const lines = [
    ...shown.map((n) => `${clean(n.lesson.id)}\t${clean(`${n.number} ${n.lesson.title}`)}`),
    ...shown.map((n) => `${n.number}\t${clean(n.lesson.title)}`),
  ];
  if (lines.length) print(ctx, lines.join('\n'));
}
