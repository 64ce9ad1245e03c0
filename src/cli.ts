// Commander wiring. Each action loads its command lazily (through COMMANDS), so `--help` and
// `--version` load nothing but commander. Tests pass their own `invoke` to see what each command
// would receive.
import { Command, CommanderError, Option } from "commander";
import { EXIT, UsageError } from "./errors.js";
import type { GlobalOptions } from "./options.js";
import { escapeControls, shown } from "./escape.js";
import { processIo, ttyOf, writeTo, type Io } from "./io.js";
import { columnsOf } from "./size.js";
import { packageVersion } from "./version.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (...args: any[]) => Promise<number>;

export const COMMANDS: Record<string, () => Promise<Handler>> = {
  home: () => import("./commands/home.js").then((m) => m.home),
  // Printing a lesson (--plain, or output that is not a terminal) loads nothing of the reader.
  learn: async () => async (id: string | undefined, opts: { plain?: boolean }, g: GlobalOptions) =>
    opts.plain || !ttyOf(g.io ?? processIo(), 1)
      ? (await import("./commands/print-lesson.js")).printLesson(id, opts, g)
      : (await import("./commands/learn.js")).learn(id, opts, g),
  quiz: () => import("./commands/quiz.js").then((m) => m.quiz),
  review: () => import("./commands/review.js").then((m) => m.review),
  roadmap: () => import("./commands/roadmap.js").then((m) => m.roadmap),
  "roadmap mark": () => import("./commands/roadmap.js").then((m) => m.markSkill),
  faq: () => import("./commands/faq.js").then((m) => m.faq),
  search: () => import("./commands/search.js").then((m) => m.searchCommand),
  explain: () => import("./commands/explain.js").then((m) => m.explain),
  modules: () => import("./commands/modules.js").then((m) => m.modules),
  progress: () => import("./commands/progress.js").then((m) => m.progress),
  "progress export": () => import("./commands/progress.js").then((m) => m.exportProgress),
  "progress import": () => import("./commands/progress.js").then((m) => m.importProgress),
  "progress reset": () => import("./commands/progress.js").then((m) => m.reset),
  "config list": () => import("./commands/config.js").then((m) => m.configList),
  "config get": () => import("./commands/config.js").then((m) => m.configGet),
  "config set": () => import("./commands/config.js").then((m) => m.configSet),
  "config unset": () => import("./commands/config.js").then((m) => m.configUnset),
  validate: () => import("./commands/validate.js").then((m) => m.validate),
  lab: () => import("./commands/lab-menu.js").then((m) => m.labHome),
  "lab list": () => import("./commands/lab.js").then((m) => m.labList),
  "lab start": () => import("./commands/lab.js").then((m) => m.labStart),
  "lab check": () => import("./commands/lab.js").then((m) => m.labCheck),
  "lab hint": () => import("./commands/lab.js").then((m) => m.labHint),
  "lab solution": () => import("./commands/lab.js").then((m) => m.labSolution),
  completion: () => import("./commands/completion.js").then((m) => m.completionScript),
  export: () => import("./commands/export.js").then((m) => m.exportCommand),
  "course add": () => import("./commands/course.js").then((m) => m.courseAdd),
  "course list": () => import("./commands/course.js").then((m) => m.courseList),
  "course use": () => import("./commands/course.js").then((m) => m.courseUse),
  "course remove": () => import("./commands/course.js").then((m) => m.courseRemove),
  "course new": () => import("./commands/course.js").then((m) => m.courseNew),
};

export type Invoke = (name: string, args: unknown[]) => Promise<number>;

export interface RunOptions {
  io?: Io;
  /** Runs a command by name with its arguments; the real one loads it from COMMANDS. */
  invoke?: Invoke;
}

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--limit takes a whole number of at least 1, not "${shown(value)}"`);
  return n;
}

function parseTimeout(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0.1 || n > 60) throw new UsageError(`--timeout takes seconds between 0.1 and 60, not "${value}"`);
  return n;
}

/** Words wrapped to `width`, continuation lines indented by `indent` (no library: --help stays light). */
function wrapWords(text: string, width: number, indent: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = " ".repeat(indent) + word;
    } else line = line ? `${line}${line.trim() ? " " : ""}${word}` : word;
  }
  return [...lines, line].join("\n");
}

/** A two-column block of help ("Examples:", "Environment:") that fits `width`. */
function helpTable(title: string, rows: [string, string][], width: number): string {
  const left = Math.max(...rows.map(([c]) => c.length)) + 2;
  const body = rows.map(([c, w]) => {
    if (!w) return `  ${c}`;
    // Side by side when the description has room; otherwise under the command, indented.
    if (width - 2 - left >= 24) return `  ${c.padEnd(left)}${wrapWords(w, width - 2 - left, 2 + left)}`;
    return `  ${c}\n      ${wrapWords(w, width - 6, 6)}`;
  });
  return `\n${title}\n${body.join("\n")}`;
}

let helpColumns = () => 80;

/** "Examples:" under a command's help, fitted to the terminal when the help is shown. */
function examples(...lines: [string, string][]): () => string {
  return () => helpTable("Examples:", lines, helpColumns());
}

export async function run(argv: string[], deps: RunOptions = {}): Promise<number> {
  const io = deps.io ?? processIo();
  // The version needs none of the commands: answer before building them.
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
    writeTo(io, 1, `${packageVersion()}\n`);
    return EXIT.ok;
  }
  const invoke: Invoke = deps.invoke ?? (async (name, args) => (await COMMANDS[name]!())(...args));
  // Help is wrapped like everything else: to the terminal, never wider than 100 columns.
  const columns = () => Math.min(100, columnsOf(io));
  helpColumns = columns;
  let code: number = EXIT.ok;
  const program = new Command("api-architect")
    .description("An interactive tutor for backend API architecture, in your terminal.")
    .version(packageVersion(), "-v, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .option("--no-color", "print without colour (NO_COLOR and TERM=dumb work too)")
    .option("--no-pager", "print long output straight out, without a pager")
    .usage("[options] [command]")
    .showSuggestionAfterError(true)
    // Wrap descriptions even in a narrow terminal (commander stops wrapping under 40 columns).
    .configureHelp({ minWidthToWrap: 16 })
    .exitOverride()
    .configureOutput({
      // Help goes out like every other output (see io.ts): never through a stream made for it.
      writeOut: (str) => writeTo(io, 1, str),
      writeErr: (str) => writeTo(io, 2, str),
      getOutHelpWidth: columns,
      getErrHelpWidth: columns,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
      // Commander's usage errors become one line; main.ts owns exit codes.
      outputError: (str, write) => {
        let line = str.replace(/^error: /, "").replace(/\n\(Did you mean ([^)]*)\)/, " (did you mean $1)").trim();
        const command = /too many arguments for '([^']+)'/.exec(line)?.[1];
        if (command) line += ` See \`api-architect help ${command}\`.`;
        // What the learner typed is quoted back with its control characters made visible.
        write(`api-architect: ${escapeControls(line)}\n`);
      },
    })
    .addHelpText(
      "after",
      () =>
        examples(
          ["api-architect", "open the home menu"],
          ["api-architect learn 1", "read module 01 in your stack"],
          ["api-architect learn 1 --plain", "print a lesson as plain text"],
          ["api-architect learn security", "open a module by a word of its id"],
          ["api-architect quiz api-fundamentals", "take a module's quiz"],
          ["api-architect faq jwt", "find an FAQ answer"],
          ["api-architect search cursor pagination", "search the whole course"],
          ["api-architect explain hateoas", "a glossary entry"],
          ["api-architect config set stack python", "show code in Python"],
          ["api-architect lab check shows", "check your running server against lab 01"],
          ["api-architect help learn", "help for one command"],
        )() +
        "\n" +
        helpTable(
          "Environment:",
          [
            ["API_ARCHITECT_CONFIG_DIR", "where progress is stored (default: your OS config directory)"],
            ["API_ARCHITECT_CONTENT", "read the course from another folder (for content authors)"],
            ["API_ARCHITECT_PAGER, PAGER", "the pager for long output (default: less -FRX; cat for none)"],
            ["NO_COLOR", "disable colour"],
          ],
          columns(),
        ),
    );

  const globals = (): GlobalOptions => {
    const o = program.opts<{ color: boolean; pager: boolean }>();
    return { color: o.color, pager: o.pager, io: deps.io };
  };
  const call = (name: string, ...args: unknown[]) => async () => void (code = await invoke(name, [...args, globals()]));
  const stackOption = () => new Option("-s, --stack <stack>", "show code in this stack: typescript, python, php, csharp or all");

  // Every subcommand refuses arguments it does not take (`learn 1 2`); the program itself takes
  // any word, to say which command it does not know.
  program.allowExcessArguments(false);

  program
    .command("learn")
    .description("read a lesson on the full screen, one section at a time")
    .argument("[module]", "module number, id or a word of it")
    .addOption(stackOption())
    .option("--plain", "print the whole lesson as plain text, without colour or prompts")
    .option("--section <section>", "start at this section: its number or its id")
    .addHelpText("after", examples(["api-architect learn", "pick a module"], ["api-architect learn 3", "read module 03 where you left it"], ["api-architect learn 1 --section 5", "start at section 5"], ["api-architect learn 2 --plain | less", "print it"], ["api-architect learn 1 --stack all", "show code in all four stacks"]))
    .action((module: string | undefined, opts) => call("learn", module, opts)());

  program
    .command("quiz")
    .description("take a module's quiz; every answer is saved as you give it, and a quiz you stop resumes")
    .argument("[module]", "module number, id or a word of it")
    .addOption(stackOption())
    .option("--missed", "only the questions your latest answer got wrong")
    .option("--unanswered", "only the questions you have never answered")
    .addHelpText("after", examples(["api-architect quiz 1", "take (or resume) module 01's quiz"], ["api-architect quiz 1 --missed", "retry what you got wrong"], ["api-architect quiz security --unanswered", "only new questions"]))
    .action((module: string | undefined, opts) => call("quiz", module, opts)());

  const roadmapCommand = program
    .command("roadmap")
    .description("the stages, your progress and what to do next; `roadmap mark` notes your own view of a skill")
    .option("--json", "print as JSON")
    .addOption(stackOption())
    .addHelpText("after", examples(["api-architect roadmap", "where you are and what next"], ["api-architect roadmap --json", "for other tools"], ['api-architect roadmap mark security "Rate limiting" done', "mark a skill"]))
    .action((opts) => call("roadmap", opts)());
  roadmapCommand
    .command("mark")
    .description("mark a stage's skill as done, learning or skip (clear removes the mark)")
    .argument("<stage>", "stage id or number, e.g. security or 3")
    .argument("<skill>", 'the skill as the roadmap names it, e.g. "Rate limiting"')
    .argument("<mark>", "done, learning, skip or clear")
    .addHelpText("after", examples(['api-architect roadmap mark 3 "Rate limiting" done', ""], ["api-architect roadmap mark fundamentals rest learning", "a unique start of the name is enough"]))
    .action((stage: string, skill: string, mark: string) => call("roadmap mark", stage, skill, mark)());

  program
    .command("review")
    .description("review the quiz cards that are due (spaced repetition)")
    .option("--limit <n>", "at most this many cards", parseLimit)
    .option("--module <module>", "only cards from this module")
    .addHelpText("after", examples(["api-architect review", "every card due now"], ["api-architect review --limit 10", "ten of them"], ["api-architect review --module 3", "only module 03's"]))
    .action((opts) => call("review", opts)());

  program
    .command("faq")
    .description("frequently asked questions; give words to filter them")
    .argument("[words...]", "words to look for in the questions and answers")
    .option("--json", "print the entries as JSON")
    .addOption(stackOption())
    .addHelpText("after", examples(["api-architect faq", "browse the questions"], ["api-architect faq idempotency", "read the answer that matches"], ["api-architect faq --json", "for other tools"]))
    .action((words: string[], opts) => call("faq", words, opts)());

  program
    .command("search")
    .description("search lessons, FAQ answers, quiz questions and the roadmap")
    .argument("<words...>", "what to look for (typos and word starts are fine)")
    .option("--json", "print the results as JSON")
    .option("--limit <n>", "at most this many results (default 10)", parseLimit)
    .addHelpText("after", examples(["api-architect search idempotency key", "pick a hit to open it"], ["api-architect search cursor --json", "for other tools"], ["api-architect search jwt | head", "a list, with how to open each hit"]))
    .action((words: string[], opts) => call("search", words, opts)());

  program
    .command("explain")
    .description("a short definition of a term and where it is taught")
    .argument("[term...]", "e.g. idempotency, HATEOAS, saga, BFF, p99 (none: list them all)")
    .option("--json", "print as JSON")
    .addHelpText("after", examples(["api-architect explain hateoas", ""], ["api-architect explain time to live", "aliases work too"], ["api-architect explain", "every term"]))
    .action((words: string[], opts) => call("explain", words, opts)());

  program
    .command("modules")
    .description("list the modules with your progress")
    .option("--json", "print as JSON")
    .addHelpText("after", examples(["api-architect modules", ""], ["api-architect modules --json", "for other tools"]))
    .action((opts) => call("modules", opts)());

  const progress = program
    .command("progress")
    .description("your progress; `progress export|import` carries it, `progress reset` starts over")
    .option("--json", "print as JSON")
    .addHelpText("after", examples(["api-architect progress", ""], ["api-architect progress export backup.json", "save it to a file"], ["api-architect progress import backup.json", "merge it on another machine"]))
    .action((opts) => call("progress", opts)());
  progress
    .command("export")
    .description("write your progress as one JSON document (to stdout without a file)")
    .argument("[file]", "where to write it")
    .addHelpText("after", examples(["api-architect progress export backup.json", ""], ["api-architect progress export > backup.json", ""]))
    .action((file: string | undefined) => call("progress export", file)());
  progress
    .command("import")
    .description("merge an export into your progress (shows what changes and asks first)")
    .argument("<file>", "an export written by `progress export` (- for stdin)")
    .option("-y, --yes", "do not ask for confirmation")
    .addHelpText("after", examples(["api-architect progress import backup.json", ""], ["api-architect progress import - --yes < backup.json", ""]))
    .action((file: string, opts) => call("progress import", file, opts)());
  progress
    .command("reset")
    .description("forget all progress (asks first)")
    .option("-y, --yes", "do not ask for confirmation")
    .addHelpText("after", examples(["api-architect progress reset", ""], ["api-architect progress reset --yes", "without asking"]))
    .action((opts) => call("progress reset", opts)());

  const lab = program
    .command("lab")
    .description("labs: build Encore in your stack, and the tutor checks your running server")
    .addHelpText("after", examples(["api-architect lab", "the labs menu (a list when piped)"], ["api-architect lab start shows --starter encore", "the brief, and a starter project"], ["api-architect lab check shows", "check your server; Enter checks again"]))
    .action(() => call("lab", {})());
  lab
    .command("list")
    .description("the labs, their modules and your results")
    .option("--json", "print as JSON")
    .addHelpText("after", examples(["api-architect lab list", ""], ["api-architect lab list --json", "for other tools"]))
    .action((opts) => call("lab list", opts)());
  lab
    .command("start")
    .description("what to build, the checks, and a starter project in your stack")
    .argument("<lab>", "lab id, or its module's number or id")
    .addOption(stackOption())
    .option("--starter <folder>", "write a starter project for your stack to this folder")
    .option("--force", "let --starter overwrite files that exist")
    .addHelpText("after", examples(["api-architect lab start shows", ""], ["api-architect lab start 1 --starter encore --stack python", ""]))
    .action((id: string, opts) => call("lab start", id, opts)());
  lab
    .command("check")
    .description("send the lab's requests to your running server and show what passes")
    .argument("<lab>", "lab id, or its module's number or id")
    .option("--base-url <url>", "where your server listens (default: config lab.baseUrl, else your stack's usual port)")
    .option("--check <id>", "only this check (repeat, or separate with commas)", (v: string, prev: string[] = []) => [...prev, v])
    .option("--json", "print the results as JSON (never interactive)")
    .option("--verbose", "show every request and longer bodies")
    .option("--allow-remote", "allow a base URL that is not this machine (the lab sends writes)")
    .option("--no-watch", "exit after one run, also on a terminal")
    .option("--timeout <seconds>", "seconds to wait for each answer (default 5)", parseTimeout)
    .addHelpText("after", () => `${examples(["api-architect lab check shows", "Enter checks again, h hints, q quits"], ["api-architect lab check 1 --base-url http://127.0.0.1:8080", ""], ["api-architect lab check shows --json", "for CI"])()}\n\nExit codes: 0 every check passes, 1 a check fails or the server cannot be reached, 2 usage.`)
    .action((id: string, opts) => call("lab check", id, opts)());
  lab
    .command("hint")
    .description("the hint for one check")
    .argument("<lab>", "lab id, or its module's number or id")
    .argument("<check>", "check id (as `lab check` prints it)")
    .addHelpText("after", examples(["api-architect lab hint shows create-location", ""]))
    .action((id: string, check: string) => call("lab hint", id, check)());
  lab
    .command("solution")
    .description("the reference solution in your stack (after you pass the lab)")
    .argument("<lab>", "lab id, or its module's number or id")
    .addOption(stackOption())
    .option("--anyway", "show it before you have passed the lab")
    .addHelpText("after", examples(["api-architect lab solution shows", ""], ["api-architect lab solution shows --stack csharp --anyway", ""]))
    .action((id: string, opts) => call("lab solution", id, opts)());

  const config = program
    .command("config")
    .description("read and change settings (stack, color, lab.baseUrl)")
    .addHelpText("after", examples(["api-architect config list", ""], ["api-architect config set stack python", ""], ["api-architect config get color", ""]));
  config
    .command("list")
    .description("show every setting, with its default")
    .addHelpText("after", examples(["api-architect config list", ""]))
    .action(() => call("config list")());
  config
    .command("get")
    .argument("<key>", "stack, color or lab.baseUrl")
    .description("show one setting")
    .addHelpText("after", examples(["api-architect config get stack", ""]))
    .action((key: string) => call("config get", key)());
  config
    .command("set")
    .argument("<key>", "stack, color or lab.baseUrl")
    .argument("<value>", "the new value")
    .description("change a setting")
    .addHelpText("after", examples(["api-architect config set stack csharp", ""], ["api-architect config set color never", ""]))
    .action((key: string, value: string) => call("config set", key, value)());
  config
    .command("unset")
    .argument("<key>", "stack, color or lab.baseUrl")
    .description("go back to a setting's default")
    .addHelpText("after", examples(["api-architect config unset lab.baseUrl", ""]))
    .action((key: string) => call("config unset", key)());

  // Shell completion: the script, and the hidden command it asks for candidates.
  program
    .command("completion")
    .description("print a shell completion script (see the README for the line that installs it)")
    .argument("<shell>", "bash, zsh or fish")
    .addHelpText(
      "after",
      examples(
        ['eval "$(api-architect completion bash)"', "in ~/.bashrc"],
        ["source <(api-architect completion zsh)", "in ~/.zshrc, after compinit"],
        ["api-architect completion fish > ~/.config/fish/completions/api-architect.fish", ""],
      ),
    )
    .action((shell: string) => call("completion", shell)());
  program
    .command("__complete", { hidden: true })
    .argument("[words...]")
    .allowUnknownOption()
    .allowExcessArguments(true)
    .helpOption(false)
    .action(async (words: string[]) => {
      // Not through COMMANDS: it answers from the command tree itself.
      const { completeWords } = await import("./commands/completion.js");
      code = await completeWords(program, words);
    });

  program
    .command("export")
    .description("write a module, the FAQ, the roadmap or everything as one Markdown document")
    .argument("<what>", "a module (number or id), faq, roadmap or all")
    .addOption(stackOption())
    .option("--quiz", "add each module's quiz, with the answers and explanations after it")
    .option("-o, --output <file>", "write to this file (- or none: stdout)")
    .addHelpText(
      "after",
      examples(
        ["api-architect export 3 -o auth.md", "module 03 in your stack"],
        ["api-architect export all --stack all --quiz -o course.md", "everything, every stack, with the quizzes"],
        ["api-architect export faq", "the FAQ to stdout"],
      ),
    )
    .action((what: string, opts) => call("export", what, opts)());

  const course = program
    .command("course")
    .description("course packs: add your team's own modules beside the built-in course")
    .addHelpText("after", examples(["api-architect course new my-course", "start a pack"], ["api-architect course add ./my-course", ""], ["api-architect course use my-course", ""]));
  course
    .command("add")
    .description("validate a course folder or .tgz and install it (every problem is reported as file:line)")
    .argument("<source>", "a course folder (with course.yaml) or a .tgz of one")
    .addHelpText("after", examples(["api-architect course add ./platform-rules", ""], ["api-architect course add platform-rules-1.2.0.tgz", ""]))
    .action((source: string) => call("course add", source)());
  course
    .command("list")
    .description("the built-in course and the installed packs; * marks the one in use")
    .option("--json", "print as JSON")
    .addHelpText("after", examples(["api-architect course list", ""], ["api-architect course list --json", ""]))
    .action((opts) => call("course list", opts)());
  course
    .command("use")
    .description("switch to a course (each keeps its own progress)")
    .argument("<id>", "a course id from `course list`")
    .addHelpText("after", examples(["api-architect course use platform-rules", ""], ["api-architect course use api-architect", "back to the built-in course"]))
    .action((id: string) => call("course use", id)());
  course
    .command("remove")
    .description("uninstall a pack (its progress is kept)")
    .argument("<id>", "a pack id from `course list`")
    .addHelpText("after", examples(["api-architect course remove platform-rules", ""]))
    .action((id: string) => call("course remove", id)());
  course
    .command("new")
    .description("write a minimal pack that validates, to start from")
    .argument("<dir>", "a new folder")
    .addHelpText("after", examples(["api-architect course new ./my-course", ""]))
    .action((dir: string) => call("course new", dir)());

  program
    .command("validate")
    .description("check a course folder (for content authors)")
    .argument("[dir]", "the course folder (default: the built-in course)")
    .addHelpText("after", examples(["api-architect validate", "the built-in course"], ["api-architect validate ./my-course", ""]))
    .action((dir: string | undefined) => call("validate", dir)());

  program
    .command("help")
    .description("show help for a command")
    .argument("[command...]", "e.g. learn, or progress export")
    .addHelpText("after", examples(["api-architect help learn", ""], ["api-architect help progress import", ""]))
    .action((names: string[]) => {
      let cmd: Command = program;
      for (const name of names) {
        const sub = cmd.commands.find((c) => c.name() === name || c.aliases().includes(name));
        if (!sub) {
          const known = cmd.commands.map((c) => c.name());
          throw new UsageError(`no help for "${names.join(" ")}": ${cmd === program ? "" : `${cmd.name()} `}has no command "${name}"; commands are ${known.join(", ")}`);
        }
        cmd = sub;
      }
      cmd.outputHelp();
    });

  program.allowExcessArguments(true);
  program.argument("[command]").action(async (command: string | undefined) => {
    if (command) {
      const { suggest } = await import("./learn/resolve.js");
      const near = suggest(command, program.commands.map((c) => c.name()));
      throw new UsageError(`unknown command "${shown(command)}"${near ? ` (did you mean ${near}?)` : "; see `api-architect --help`"}`);
    }
    code = await invoke("home", [globals()]);
  });

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") return EXIT.ok;
      // Commander has already printed the message through outputError.
      return EXIT.usage;
    }
    throw err;
  }
  return code;
}
