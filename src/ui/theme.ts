// Colour policy and pm-guide's own styles. chalk ignores NO_COLOR, so the
// decision is made here, once, and applied to the chalk instance that
// marked-terminal shares.
import chalk, { type ChalkInstance } from 'chalk';

export interface ColorInput {
  /** --color / --no-color, when given. */
  flag: boolean | undefined;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/** 0 none, 1 basic, 2 256 colours, 3 truecolour. */
export function colorLevel({ flag, isTTY, env }: ColorInput): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  const force = env.FORCE_COLOR;
  if (flag === undefined) {
    if (force !== undefined && force !== '') {
      if (force === '0' || force === 'false') return 0;
    } else {
      if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
      if (!isTTY || env.TERM === 'dumb') return 0;
    }
  }
  if (force === '3' || env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  if (force === '2' || /-256(color)?$/i.test(env.TERM ?? '')) return 2;
  return 1;
}

export function applyColorLevel(level: 0 | 1 | 2 | 3): void {
  chalk.level = level;
}

export const c: ChalkInstance = chalk;

export const theme = {
  title: (s: string) => c.bold.magenta(s),
  heading: (s: string) => c.bold.cyan(s),
  strong: (s: string) => c.bold(s),
  dim: (s: string) => c.dim(s),
  ok: (s: string) => c.green(s),
  bad: (s: string) => c.red(s),
  warn: (s: string) => c.yellow(s),
  accent: (s: string) => c.cyan(s),
  code: (s: string) => c.yellow(s),
  number: (s: string) => c.bold(s),
};

/** A progress bar like ███████░░░ 70%. */
export function bar(fraction: number, width = 20): string {
  const f = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0));
  const full = Math.round(f * width);
  return `${c.green('█'.repeat(full))}${c.dim('░'.repeat(width - full))} ${String(Math.round(f * 100)).padStart(3)}%`;
}
