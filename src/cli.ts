// Commander wiring. Each action imports its command lazily, so `--help` and `--version` load
// nothing but commander.
import { Command, CommanderError, Option } from "commander";
import { EXIT, UsageError } from "./errors.js";
import { packageVersion } from "./version.js";

export interface GlobalOptions {
  color: boolean;
}

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--limit takes a whole number of at least 1, not "${value}"`);
  return n;
}

function parseTimeout(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0.1 || n > 60) throw new UsageError(`--timeout takes seconds between 0.1 and 60, not "${value}"`);
  return n;
}

export async function run(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command("api-architect")
    .description("An interactive tutor for backend API architecture, in your terminal.")
    .version(packageVersion(), "-v, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .option("--no-color", "print without colour (NO_COLOR and TERM=dumb work too)")
    .usage("[options] [command]")
    .allowExcessArguments(true)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      // Commander's usage errors become one line; main.ts owns exit codes.
      outputError: (str, write) => write(`api-architect: ${str.replace(/^error: /, "").replace(/\n\(Did you mean ([^)]*)\)/, " (did you mean $1)").trim()}\n`),
    })
    .addHelpText(
      "after",
      `
Examples:
  api-architect                      open the home menu
  api-architect learn 1              read module 01 in your stack
  api-architect learn 1 --plain      print a lesson as plain text
  api-architect learn security       open a module by a word of its id
  api-architect quiz api-fundamentals
  api-architect faq jwt              find an FAQ answer
  api-architect search cursor pagination
  api-architect explain hateoas
  api-architect config set stack python
  api-architect lab check shows      check your running server against lab 01

Environment:
  API_ARCHITECT_CONFIG_DIR   where progress is stored (default: your OS config directory)
  API_ARCHITECT_CONTENT      read the course from another folder (for content authors)
  NO_COLOR                   disable colour`,
    );

  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  const stackOption = () => new Option("-s, --stack <stack>", "show code in this stack: typescript, python, php, csharp or all");

  program.argument("[command]").action(async (command: string | undefined) => {
    if (command) {
      const { suggest } = await import("./learn/resolve.js");
      const near = suggest(command, program.commands.map((c) => c.name()));
      throw new UsageError(`unknown command "${command}"${near ? ` (did you mean ${near}?)` : "; see `api-architect --help`"}`);
    }
    const { home } = await import("./commands/home.js");
    code = await home(globals());
  });

  program
    .command("learn")
    .description("read a lesson, one section per screen")
    .argument("[module]", "module number, id or unique prefix")
    .addOption(stackOption())
    .option("--plain", "print the whole lesson as plain text, without prompts")
    .option("--section <id>", "start at this section")
    .action(async (module: string | undefined, opts) => {
      const { learn } = await import("./commands/learn.js");
      code = await learn(module, opts, globals());
    });

  program
    .command("quiz")
    .description("take a module's quiz; every answer is saved as you give it")
    .argument("[module]", "module number, id or unique prefix")
    .addOption(stackOption())
    .action(async (module: string | undefined, opts) => {
      const { quiz } = await import("./commands/quiz.js");
      code = await quiz(module, opts, globals());
    });

  const roadmapCommand = program
    .command("roadmap")
    .description("the six stages, your progress and what to do next; `roadmap mark` notes your own view of a skill")
    .option("--json", "print as JSON")
    .addOption(stackOption())
    .action(async (opts) => {
      const { roadmap } = await import("./commands/roadmap.js");
      code = await roadmap(opts, globals());
    });
  roadmapCommand
    .command("mark")
    .description("mark a stage's skill as done, learning or skip (clear removes the mark)")
    .argument("<stage>", "stage id or number, e.g. security or 3")
    .argument("<skill>", 'the skill as the roadmap names it, e.g. "Rate limiting"')
    .argument("<mark>", "done, learning, skip or clear")
    .action(async (stage: string, skill: string, mark: string) => {
      const { markSkill } = await import("./commands/roadmap.js");
      code = await markSkill(stage, skill, mark, globals());
    });

  program
    .command("review")
    .description("review the quiz cards that are due (spaced repetition)")
    .option("--limit <n>", "at most this many cards", parseLimit)
    .option("--module <module>", "only cards from this module")
    .action(async (opts) => {
      const { review } = await import("./commands/review.js");
      code = await review(opts, globals());
    });

  program
    .command("faq")
    .description("frequently asked questions; give words to filter them")
    .argument("[words...]", "words to look for in the questions and answers")
    .option("--json", "print the entries as JSON")
    .addOption(stackOption())
    .action(async (words: string[], opts) => {
      const { faq } = await import("./commands/faq.js");
      code = await faq(words, opts, globals());
    });

  program
    .command("search")
    .description("search lessons, FAQ answers, quiz explanations and the roadmap")
    .argument("<words...>", "what to look for (typos and word starts are fine)")
    .option("--json", "print the results as JSON")
    .option("--limit <n>", "at most this many results (default 10)", parseLimit)
    .action(async (words: string[], opts) => {
      const { searchCommand } = await import("./commands/search.js");
      code = await searchCommand(words, opts, globals());
    });

  program
    .command("explain")
    .description("a short definition of a term and where it is taught")
    .argument("[term...]", "e.g. idempotency, HATEOAS, saga, BFF, p99 (none: list them all)")
    .option("--json", "print as JSON")
    .action(async (words: string[], opts) => {
      const { explain } = await import("./commands/explain.js");
      code = await explain(words, opts, globals());
    });

  program
    .command("modules")
    .description("list the modules with your progress")
    .option("--json", "print as JSON")
    .action(async (opts) => {
      const { modules } = await import("./commands/modules.js");
      code = await modules(opts, globals());
    });

  const progress = program
    .command("progress")
    .description("your progress; `progress reset` starts over")
    .option("--json", "print as JSON")
    .action(async (opts) => {
      const { progress } = await import("./commands/progress.js");
      code = await progress(opts, globals());
    });
  progress
    .command("export")
    .description("write your progress as one JSON document (to stdout without a file)")
    .argument("[file]", "where to write it")
    .action(async (file: string | undefined) => {
      const { exportProgress } = await import("./commands/progress.js");
      code = await exportProgress(file, globals());
    });
  progress
    .command("import")
    .description("merge an export into your progress (shows what changes and asks first)")
    .argument("<file>", "an export written by `progress export` (- for stdin)")
    .option("-y, --yes", "do not ask for confirmation")
    .action(async (file: string, opts) => {
      const { importProgress } = await import("./commands/progress.js");
      code = await importProgress(file, opts, globals());
    });
  progress
    .command("reset")
    .description("forget all progress (asks first)")
    .option("-y, --yes", "do not ask for confirmation")
    .action(async (opts) => {
      const { reset } = await import("./commands/progress.js");
      code = await reset(opts, globals());
    });

  const lab = program
    .command("lab")
    .description("labs: build Encore in your stack, and the tutor checks your running server")
    .action(async () => {
      const { labHome } = await import("./commands/lab-menu.js");
      code = await labHome({}, globals());
    });
  lab
    .command("list")
    .description("the labs, their modules and your results")
    .option("--json", "print as JSON")
    .action(async (opts) => {
      const { labList } = await import("./commands/lab.js");
      code = await labList(opts, globals());
    });
  lab
    .command("start")
    .description("what to build, the checks, and a starter project in your stack")
    .argument("<lab>", "lab id, or its module's number or id")
    .addOption(stackOption())
    .option("--starter <folder>", "write a starter project for your stack to this folder")
    .option("--force", "let --starter overwrite files that exist")
    .action(async (id: string, opts) => {
      const { labStart } = await import("./commands/lab.js");
      code = await labStart(id, opts, globals());
    });
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
    .addHelpText("after", "\nExit codes: 0 every check passes, 1 a check fails or the server cannot be reached, 2 usage.")
    .action(async (id: string, opts) => {
      const { labCheck } = await import("./commands/lab.js");
      code = await labCheck(id, opts, globals());
    });
  lab
    .command("hint")
    .description("the hint for one check")
    .argument("<lab>", "lab id, or its module's number or id")
    .argument("<check>", "check id (as `lab check` prints it)")
    .action(async (id: string, check: string) => {
      const { labHint } = await import("./commands/lab.js");
      code = await labHint(id, check, globals());
    });
  lab
    .command("solution")
    .description("the reference solution in your stack (after you pass the lab)")
    .argument("<lab>", "lab id, or its module's number or id")
    .addOption(stackOption())
    .option("--anyway", "show it before you have passed the lab")
    .action(async (id: string, opts) => {
      const { labSolution } = await import("./commands/lab.js");
      code = await labSolution(id, opts, globals());
    });

  const config = program.command("config").description("read and change settings (stack, color, lab.baseUrl)");
  config
    .command("list")
    .description("show all settings")
    .action(async () => {
      const { configList } = await import("./commands/config.js");
      code = await configList(globals());
    });
  config
    .command("get")
    .argument("<key>", "stack, color or lab.baseUrl")
    .description("show one setting")
    .action(async (key: string) => {
      const { configGet } = await import("./commands/config.js");
      code = await configGet(key, globals());
    });
  config
    .command("set")
    .argument("<key>", "stack, color or lab.baseUrl")
    .argument("<value>", "the new value")
    .description("change a setting")
    .action(async (key: string, value: string) => {
      const { configSet } = await import("./commands/config.js");
      code = await configSet(key, value, globals());
    });

  program
    .command("validate")
    .description("check a course folder (for content authors)")
    .argument("[dir]", "the course folder (default: the built-in course)")
    .action(async (dir: string | undefined) => {
      const { validate } = await import("./commands/validate.js");
      code = await validate(dir, globals());
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
