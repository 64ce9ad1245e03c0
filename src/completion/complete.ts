// What Tab should offer, given the words typed so far. Pure: the command tree (taken from
// commander, so it never drifts from the real commands) and the course's values come in; the
// candidates go out. Dynamic values are asked for only when the position needs them.

export interface CommandSpec {
  name: string;
  subcommands: CommandSpec[];
  options: { flags: string[]; takesValue: boolean }[];
  /** Positional argument names in order; the last may be variadic. */
  args: { name: string; variadic: boolean }[];
}

/** The course's values, read lazily (only the one a position needs is computed). */
export interface Values {
  modules(): { id: string; number: number }[];
  sections(module: string): string[];
  faq(): string[];
  glossary(): string[];
  stages(): string[];
  skills(stage: string): string[];
  labs(): string[];
  courses(): string[];
}

/** Tells the shell to complete file names itself. */
export const FILES = "__files__";

const STACKS = ["typescript", "python", "php", "csharp", "all"];
const CONFIG: Record<string, string[]> = { stack: ["typescript", "python", "php", "csharp"], color: ["auto", "always", "never"], "lab.baseUrl": [] };

function filter(candidates: string[], current: string): string[] {
  const key = current.toLowerCase();
  return [...new Set(candidates.filter((c) => c.toLowerCase().startsWith(key)))];
}

/** Module ids and numbers; a word of an id counts too ("sec" → auth-security), as `learn` accepts it. */
function moduleCandidates(values: Values, current: string, extra: string[] = []): string[] {
  const modules = values.modules();
  const all = [...extra, ...modules.map((m) => m.id), ...modules.map((m) => String(m.number).padStart(2, "0"))];
  const direct = filter(all, current);
  if (direct.length || !current) return direct;
  return modules.filter((m) => m.id.split("-").some((w) => w.startsWith(current.toLowerCase()))).map((m) => m.id);
}

function optionFor(cmd: CommandSpec, globals: CommandSpec, word: string) {
  const flag = word.split("=")[0]!;
  return [...cmd.options, ...globals.options].find((o) => o.flags.includes(flag));
}

/**
 * Candidates for the last of `words` (the word being completed, possibly empty); the words before
 * it are the command line after the program name.
 */
export function complete(program: CommandSpec, words: string[], values: Values): string[] {
  const current = words.at(-1) ?? "";
  const before = words.slice(0, -1);
  let cmd = program;
  const path: string[] = [];
  const positionals: string[] = [];
  let pendingOption: string | undefined;
  for (const w of before) {
    if (pendingOption) {
      pendingOption = undefined;
      continue;
    }
    if (w.startsWith("-")) {
      const o = optionFor(cmd, program, w);
      if (o?.takesValue && !w.includes("=")) pendingOption = w;
      continue;
    }
    const sub = positionals.length === 0 ? cmd.subcommands.find((c) => c.name === w) : undefined;
    if (sub) {
      cmd = sub;
      path.push(w);
    } else positionals.push(w);
  }
  const where = path.join(" ");

  // The value of an option.
  if (pendingOption) {
    const o = optionFor(cmd, program, pendingOption)!;
    const long = o.flags.find((f) => f.startsWith("--")) ?? "";
    if (long === "--stack") return filter(STACKS, current);
    if (long === "--module") return moduleCandidates(values, current);
    if (long === "--section") {
      const module = positionals[0];
      return module ? filter(values.sections(module), current) : [];
    }
    if (long === "--output") return [FILES];
    return [];
  }
  if (current.startsWith("-")) {
    const flags = [...cmd.options, ...(cmd === program ? [] : program.options)].flatMap((o) => o.flags.filter((f) => f.startsWith("--")));
    return filter(flags, current);
  }

  const subs = positionals.length === 0 ? cmd.subcommands.map((c) => c.name) : [];
  const arg = cmd.args[Math.min(positionals.length, cmd.args.length - 1)];
  const variadicDone = !arg || (positionals.length >= cmd.args.length && !arg.variadic);
  const dynamic = variadicDone ? [] : argumentValues(where, arg.name, positionals, current, values);
  if (dynamic.includes(FILES)) return subs.length ? filter(subs, current) : [FILES];
  return [...filter(subs, current), ...dynamic];
}

function argumentValues(where: string, name: string, positionals: string[], current: string, values: Values): string[] {
  switch (name) {
    case "module":
      return moduleCandidates(values, current);
    case "what":
      return moduleCandidates(values, current, ["all", "faq", "roadmap"]);
    case "words":
      return where === "faq" ? filter(values.faq(), current) : [];
    case "term":
      return filter(values.glossary(), current);
    case "stage":
      return filter(values.stages(), current);
    case "skill":
      return filter(values.skills(positionals[0] ?? ""), current);
    case "mark":
      return filter(["done", "learning", "skip", "clear"], current);
    case "key":
      return filter(Object.keys(CONFIG), current);
    case "value":
      return filter(CONFIG[positionals[0] ?? ""] ?? [], current);
    case "id":
      return filter(values.courses(), current);
    case "lab":
      return filter(values.labs(), current);
    case "shell":
      return filter(["bash", "zsh", "fish"], current);
    case "source":
    case "dir":
    case "file":
      return [FILES];
    default:
      return [];
  }
}
