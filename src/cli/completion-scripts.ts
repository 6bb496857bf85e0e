// Shell completion scripts for bash, zsh and fish, written from the program's
// own commands and flags (so they never fall behind it). Lessons are completed
// by asking pm-guide itself, through the hidden `__complete-lessons` command,
// so they follow the course in use, --lessons included.
import { fish } from './completion-fish.js';
import { ARGUMENTS, SHELLS, TOPICS, firstLine, sq, valueFlags, type CommandSpec, type CompletionSpec, type Shell } from './completion-spec.js';


function bash(spec: CompletionSpec): string {
  const globals = spec.globalOptions.map((o) => o.flag).join(' ');
  const perCommand = spec.commands.map((c) => `      ${c.name}) opts=${sq(c.options.map((o) => o.flag).join(' '))} ;;`).join('\n');
  const args = Object.entries(ARGUMENTS)
    .map(([name, kind]) => {
      switch (kind) {
        case 'lessons':
        case 'quizzable':
          return `    ${name}) _pm_guide_lessons${kind === 'quizzable' ? ' --quizzable' : ''} ;;`;
        case 'dirs':
          return `    ${name}) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")) ;;`;
        case 'files':
          return `    ${name}) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;`;
        case 'shells':
          return `    ${name}) COMPREPLY=($(compgen -W ${sq(SHELLS.join(' '))} -- "$cur")) ;;`;
      }
    })
    .join('\n');
  const skipValue = valueFlags(spec).filter((f) => f !== '--lessons').join('|');
  return `# bash completion for pm-guide. Load it in this shell with
#   source <(pm-guide completion bash)
# or for every shell, add that line to ~/.bashrc.

_pm_guide_lessons() {
  local IFS=$'\\n' lessons
  lessons=$("\${_pm_guide_cmd[@]}" __complete-lessons "$@" 2>/dev/null | cut -f1)
  COMPREPLY=($(compgen -W "$lessons" -- "$cur"))
  # No lesson by that name: it may be the path of a Markdown file.
  if [[ \${#COMPREPLY[@]} -eq 0 ]]; then
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}

_pm_guide() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local cmd="" opts="" i
  local -a _pm_guide_cmd=("\${COMP_WORDS[0]}")
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      --lessons) _pm_guide_cmd+=(--lessons "\${COMP_WORDS[i+1]}"); ((i++)) ;;
      --lessons=*) _pm_guide_cmd+=("\${COMP_WORDS[i]}") ;;
      ${skipValue}) ((i++)) ;;
      -*) ;;
      *) [[ -z "$cmd" ]] && cmd="\${COMP_WORDS[i]}" ;;
    esac
  done
  COMPREPLY=()
  case "$prev" in
    --lessons) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --progress) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --topic) COMPREPLY=($(compgen -W ${sq(TOPICS)} -- "$cur")); return ;;
    ${skipValue}) return ;;
  esac
  if [[ -z "$cmd" ]]; then
    if [[ "$cur" == -* ]]; then
      COMPREPLY=($(compgen -W ${sq(globals)} -- "$cur"))
    else
      COMPREPLY=($(compgen -W ${sq(spec.commands.map((c) => c.name).join(' '))} -- "$cur"))
    fi
    return
  fi
  if [[ "$cur" == -* ]]; then
    case "$cmd" in
${perCommand}
    esac
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return
  fi
  case "$cmd" in
${args}
  esac
}

complete -F _pm_guide pm-guide
`;
}

function zsh(spec: CompletionSpec): string {
  const commands = spec.commands.map((c) => `    ${sq(`${c.name}:${firstLine(c.description)}`)}`).join('\n');
  const optionLines = (opts: CommandSpec['options']) =>
    opts.map((o) => sq(`${o.flag}:${firstLine(o.description).replace(/:/g, '\\:')}`)).join(' ');
  const perCommand = spec.commands.map((c) => `      ${c.name}) opts=(${optionLines(c.options)}) ;;`).join('\n');
  const args = Object.entries(ARGUMENTS)
    .map(([name, kind]) => {
      switch (kind) {
        case 'lessons':
        case 'quizzable':
          return `    ${name}) _pm_guide_lessons${kind === 'quizzable' ? ' --quizzable' : ''} ;;`;
        case 'dirs':
          return `    ${name}) _directories ;;`;
        case 'files':
          return `    ${name}) _files ;;`;
        case 'shells':
          return `    ${name}) compadd -- ${SHELLS.join(' ')} ;;`;
      }
    })
    .join('\n');
  const skipValue = valueFlags(spec).filter((f) => f !== '--lessons').join('|');
  return `#compdef pm-guide
# zsh completion for pm-guide. Load it in this shell with
#   source <(pm-guide completion zsh)
# (after compinit), or save it as _pm-guide in a folder on your $fpath.

_pm_guide_lessons() {
  local -a lessons
  lessons=(\${(f)"$("\${_pm_guide_cmd[@]}" __complete-lessons "$@" 2>/dev/null | awk -F '\t' '{ gsub(/:/, "\\\\:", $1); print $1 ":" $2 }')"})
  _describe -t lessons 'lesson' lessons
}

_pm_guide() {
  local cmd="" i
  local -a _pm_guide_cmd opts commands
  _pm_guide_cmd=(\${words[1]})
  for (( i = 2; i < CURRENT; i++ )); do
    case \${words[i]} in
      --lessons) _pm_guide_cmd+=(--lessons \${words[i+1]}); (( i++ )) ;;
      --lessons=*) _pm_guide_cmd+=(\${words[i]}) ;;
      ${skipValue}) (( i++ )) ;;
      -*) ;;
      *) [[ -z $cmd ]] && cmd=\${words[i]} ;;
    esac
  done
  case \${words[CURRENT-1]} in
    --lessons) _directories; return ;;
    --progress) _files; return ;;
    --topic) compadd -- ${TOPICS}; return ;;
    ${skipValue}) return ;;
  esac
  if [[ -z $cmd ]]; then
    if [[ $PREFIX == -* ]]; then
      opts=(${optionLines(spec.globalOptions)})
      _describe -t options 'option' opts
    else
      commands=(
${commands}
      )
      _describe -t commands 'pm-guide command' commands
    fi
    return
  fi
  if [[ $PREFIX == -* ]]; then
    case $cmd in
${perCommand}
    esac
    _describe -t options 'option' opts
    return
  fi
  case $cmd in
${args}
  esac
}

if [[ $funcstack[1] == _pm_guide ]]; then
  _pm_guide "$@"
else
  compdef _pm_guide pm-guide
fi
`;
}

/** The completion script for a shell. */
export function completionScript(shell: Shell, spec: CompletionSpec): string {
  return shell === 'bash' ? bash(spec) : shell === 'zsh' ? zsh(spec) : fish(spec);
}
