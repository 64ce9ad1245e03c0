// The scripts `completion <shell>` prints. Each asks `api-architect __complete -- <words>` for the
// candidates, so what Tab offers always matches the installed version and the course in use.

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

const bash = `# api-architect completion for bash.
# Install: echo 'eval "$(api-architect completion bash)"' >> ~/.bashrc
_api_architect() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" out IFS=$'\\n'
  out=$(api-architect __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) || return 0
  if [[ "$out" == "__files__" ]]; then
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
  else
    COMPREPLY=($out)
  fi
}
complete -F _api_architect api-architect
`;

const zsh = `#compdef api-architect
# api-architect completion for zsh.
# Install: echo 'source <(api-architect completion zsh)' >> ~/.zshrc   (after compinit)
_api_architect() {
  local -a out
  out=("\${(@f)$(api-architect __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  if [[ "\${out[1]}" == "__files__" ]]; then
    _files
  elif (( \${#out} )) && [[ -n "\${out[1]}" ]]; then
    # The candidates are already matched (a word of a module id counts), so zsh must not refilter.
    compadd -U -- "\${out[@]}"
  fi
}
if (( $+functions[compdef] )); then
  compdef _api_architect api-architect
fi
`;

const fish = `# api-architect completion for fish.
# Install: api-architect completion fish > ~/.config/fish/completions/api-architect.fish
function __api_architect_complete
    set -l tokens (commandline -opc) (commandline -ct)
    set -e tokens[1]
    set -l out (api-architect __complete -- $tokens 2>/dev/null)
    if test "$out[1]" = __files__
        __fish_complete_path (commandline -ct)
    else
        printf '%s\\n' $out
    end
end
complete -c api-architect -f -a '(__api_architect_complete)'
`;

export const SCRIPTS: Record<Shell, string> = { bash, zsh, fish };
