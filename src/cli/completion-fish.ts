// The fish completion script (see completion-scripts.ts): fish describes each
// completion with a `complete` command, so the script is a list of them.
import { ARGUMENTS, SHELLS, TOPICS, VALUES, firstLine, sq, valueFlags, type CompletionSpec } from './completion-spec.js';

export function fish(spec: CompletionSpec): string {
  const lines: string[] = [
    '# fish completion for pm-guide. Load it in this shell with',
    '#   pm-guide completion fish | source',
    '# or for every shell: pm-guide completion fish > ~/.config/fish/completions/pm-guide.fish',
    '',
    '# The command word, skipping global options and their values.',
    'function __pm_guide_command',
    '    set -l words (commandline -opc)',
    '    set -e words[1]',
    '    set -l skip 0',
    '    for w in $words',
    '        if test $skip = 1',
    '            set skip 0',
    '            continue',
    '        end',
    '        switch $w',
    `            case ${valueFlags(spec).join(' ')}`,
    '                set skip 1',
    '            case \'-*\'',
    '            case \'*\'',
    '                echo $w',
    '                return',
    '        end',
    '    end',
    'end',
    '',
    '# Lessons of the course in use (--lessons included), with their titles.',
    'function __pm_guide_lessons',
    '    set -l words (commandline -opc)',
    '    set -l cmd $words[1]',
    '    set -l i (contains -i -- --lessons $words)',
    '    if test -n "$i"',
    '        set cmd $cmd --lessons $words[(math $i + 1)]',
    '    end',
    '    $cmd __complete-lessons $argv 2>/dev/null',
    'end',
    '',
    'complete -c pm-guide -f',
  ];
  const desc = (s: string) => sq(firstLine(s));
  for (const o of spec.globalOptions) {
    const flag = o.flag.startsWith('--') ? `-l ${o.flag.slice(2)}` : `-s ${o.flag.slice(1)}`;
    const value = VALUES[o.flag] === 'dirs' ? " -x -a '(__fish_complete_directories)'" : VALUES[o.flag] === 'files' ? ' -r -F' : o.takesValue ? ' -x' : '';
    lines.push(`complete -c pm-guide ${flag}${value} -d ${desc(o.description)}`);
  }
  for (const c of spec.commands) {
    lines.push(`complete -c pm-guide -n 'test -z "$(__pm_guide_command)"' -a ${c.name} -d ${desc(c.description)}`);
  }
  for (const c of spec.commands) {
    const when = `-n 'test "$(__pm_guide_command)" = ${c.name}'`;
    for (const o of c.options) {
      if (o.flag === '--help' || spec.globalOptions.some((g) => g.flag === o.flag)) continue;
      const flag = o.flag.startsWith('--') ? `-l ${o.flag.slice(2)}` : `-s ${o.flag.slice(1)}`;
      const value = VALUES[o.flag] === 'topics' ? ` -x -a ${sq(TOPICS)}` : o.takesValue ? ' -x' : '';
      lines.push(`complete -c pm-guide ${when} ${flag}${value} -d ${desc(o.description)}`);
    }
    switch (ARGUMENTS[c.name]) {
      case 'lessons':
        lines.push(`complete -c pm-guide ${when} -a '(__pm_guide_lessons)'`);
        break;
      case 'quizzable':
        lines.push(`complete -c pm-guide ${when} -a '(__pm_guide_lessons --quizzable)'`);
        break;
      case 'dirs':
        lines.push(`complete -c pm-guide ${when} -a '(__fish_complete_directories)'`);
        break;
      case 'files':
        lines.push(`complete -c pm-guide ${when} -F`);
        break;
      case 'shells':
        lines.push(`complete -c pm-guide ${when} -a ${sq(SHELLS.join(' '))}`);
        break;
      default:
    }
  }
  return `${lines.join('\n')}\n`;
}
