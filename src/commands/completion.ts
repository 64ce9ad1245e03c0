// `completion <shell>` prints a completion script; the hidden `__complete` answers it. Completion
// reads the compiled course (never the renderer), so a Tab press costs about what --help does.
import type { Command } from "commander";
import type { GlobalOptions } from "../options.js";
import { complete, type CommandSpec, type Values } from "../completion/complete.js";
import { SCRIPTS, SHELLS, type Shell } from "../completion/scripts.js";
import { EXIT, UsageError } from "../errors.js";
import { terminal } from "../output.js";

export async function completionScript(shell: string, g: GlobalOptions): Promise<number> {
  const s = shell.trim().toLowerCase() as Shell;
  if (!SHELLS.includes(s)) throw new UsageError(`no completion for "${shell}"; choose ${SHELLS.join(", ")}`);
  terminal(false, "never", g.io).write(SCRIPTS[s]);
  return EXIT.ok;
}

/** The command tree as completion sees it: visible commands, their options and arguments. */
export function commandSpec(cmd: Command): CommandSpec {
  const help = cmd.createHelp();
  return {
    name: cmd.name(),
    subcommands: help.visibleCommands(cmd).filter((c) => c.name() !== "help").map(commandSpec),
    options: help.visibleOptions(cmd).map((o) => ({ flags: [o.short, o.long].filter((f): f is string => Boolean(f)), takesValue: o.required || o.optional })),
    args: cmd.registeredArguments.map((a) => ({ name: a.name(), variadic: a.variadic })),
  };
}

/** Values from the course in use, each computed on first use. */
async function courseValues(): Promise<Values> {
  const { openCourse } = await import("../content/course.js");
  const { slugify } = await import("../content/markdown.js");
  const { BUILT_IN_ID, installedPacks } = await import("../courses/registry.js");
  let course: Awaited<ReturnType<typeof openCourse>>["course"] | undefined;
  const c = async () => (course ??= (await openCourse()).course);
  // Tab must never print an error: an unreadable course simply offers nothing.
  const loaded = await c().catch(() => undefined);
  const find = (input: string) => loaded?.modules.find((m) => m.id === input || String(m.number) === String(Number(input)) || m.id.split("-").includes(input));
  return {
    modules: () => loaded?.modules.map((m) => ({ id: m.id, number: m.number })) ?? [],
    sections: (module) => find(module)?.sections.map((s) => s.id) ?? loaded?.references.find((r) => r.id === module)?.sections.map((s) => s.id) ?? [],
    faq: () => loaded?.faq.map((f) => f.id) ?? [],
    glossary: () => loaded?.glossary.map((t) => t.id) ?? [],
    stages: () => loaded?.stages.map((s) => s.id) ?? [],
    skills: (stage) => loaded?.stages.find((s) => s.id === stage || String(s.number) === stage)?.skills.map((k) => slugify(k)) ?? [],
    labs: () => loaded?.labs?.map((l) => l.id) ?? [],
    courses: () => [BUILT_IN_ID, ...installedPacks().map((p) => p.id)],
  };
}

export async function completeWords(program: Command, words: string[]): Promise<number> {
  const spec = commandSpec(program);
  // Only positions that need the course load it: commands and options answer from the tree alone.
  let values: Values | undefined;
  const lazy = new Proxy({} as Values, {
    get: (_, key: keyof Values) => (...args: never[]) => {
      if (!values) throw new Error("values not loaded");
      return (values[key] as (...a: never[]) => unknown)(...args);
    },
  });
  let out: string[];
  try {
    out = complete(spec, words, lazy);
  } catch {
    values = await courseValues();
    out = complete(spec, words, values);
  }
  if (out.length) process.stdout.write(`${out.join("\n")}\n`);
  return EXIT.ok;
}
