// What the completion scripts complete: the program's commands and flags, read
// from commander itself, and what each argument and option value stands for.
import type { Command } from 'commander';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export interface CommandSpec {
  name: string;
  description: string;
  options: Array<{ flag: string; description: string; takesValue: boolean }>;
}

export interface CompletionSpec {
  globalOptions: Array<{ flag: string; description: string; takesValue: boolean }>;
  commands: CommandSpec[];
}

/** What a command's positional argument completes to. */
export const ARGUMENTS: Record<string, 'lessons' | 'quizzable' | 'dirs' | 'files' | 'shells'> = {
  read: 'lessons',
  quiz: 'quizzable',
  lint: 'dirs',
  import: 'files',
  export: 'files',
  completion: 'shells',
};

/** Values of options that take one. */
export const VALUES: Record<string, 'dirs' | 'files' | 'topics' | 'none'> = {
  '--lessons': 'dirs',
  '--progress': 'files',
  '--topic': 'topics',
};
export const TOPICS = 'responsibilities tools examples';

type OptionLike = { long?: string; short?: string; description: string; required: boolean; optional: boolean; hidden?: boolean };

function optionsOf(command: Command): CompletionSpec['globalOptions'] {
  const out = (command.options as readonly OptionLike[])
    .filter((o) => !o.hidden)
    .flatMap((o) =>
      [o.long, o.short].filter((f): f is string => Boolean(f)).map((flag) => ({ flag, description: o.description, takesValue: o.required || o.optional })),
    );
  out.push({ flag: '--help', description: 'show help', takesValue: false });
  return out;
}

/** Commands and flags as the program defines them, so the script never falls behind. */
export function completionSpec(program: Command): CompletionSpec {
  return {
    globalOptions: optionsOf(program),
    commands: program.commands
      .filter((c) => !c.name().startsWith('__'))
      .map((c) => ({ name: c.name(), description: c.description(), options: optionsOf(c).filter((o) => o.flag.startsWith('--') || o.flag.length === 2) })),
  };
}

/** A shell word in single quotes (a quote inside ends the quoting, is escaped, and starts it again). */
export const sq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
/** A description's first line, on one line, as a completion menu shows it. */
export const firstLine = (s: string): string => s.split('\n')[0]!.replace(/\s+/g, ' ').trim();

/** Every flag, of the program or of a command, that takes a value (its value is completed, not another flag). */
export function valueFlags(spec: CompletionSpec): string[] {
  return [...new Set([...spec.globalOptions, ...spec.commands.flatMap((c) => c.options)].filter((o) => o.takesValue).map((o) => o.flag))];
}
