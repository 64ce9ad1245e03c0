import chalk from "chalk";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { GlobalOptions } from "../cli.js";
import { context, type Context } from "../context.js";
import { CliError, EXIT, NoTtyError, UsageError } from "../errors.js";
import { bar, moduleStatus, orphans, overall, stageStatuses, stats } from "../learn/status.js";
import { labStatus } from "../labs/record.js";
import { changesAnything, describeMerge, exportDocument, merge, readExport } from "../learn/transfer.js";
import { print, terminal } from "../output.js";
import { confirm } from "../prompts.js";
import { pad2 } from "../render/text.js";
import { Store } from "../store/store.js";

export function progressJson(ctx: Context, now = new Date()) {
  const p = ctx.progress();
  const o = overall(ctx.course, p, now);
  const stages = stageStatuses(ctx.course, p, now);
  const s = stats(ctx.course, p, now);
  return {
    stack: p.settings.stack ?? null,
    percent: o.percent,
    modules: { total: o.modules, read: o.read, quizzesPassed: o.passed, mastered: o.mastered },
    answers: o.answered,
    due: o.due,
    currentStage: stages.find((x) => x.state === "current")?.stage.id ?? null,
    streak: s.streak,
    activeDays: s.activeDays,
    mostMissed: s.mostMissed,
    perModule: ctx.course.modules.map((m) => {
      const st = moduleStatus(m, p, now);
      return {
        id: m.id,
        read: st.read,
        section: p.lessons[m.id]?.section ?? null,
        quizAnswered: st.answered,
        quizCorrect: st.correct,
        quizQuestions: m.quiz.length,
        quizPassed: st.passed,
        mastery: st.mastery,
        due: st.due,
        seconds: st.seconds,
      };
    }),
    labs: ctx.course.labs.map((lab) => {
      const l = labStatus(lab, p);
      return { id: lab.id, module: lab.module, checks: l.checks, passing: l.passing, passed: l.passed, passedAt: l.passedAt, lastRunAt: l.lastRunAt };
    }),
    orphans: orphans(ctx.course, p),
  };
}

function minutes(seconds: number): string {
  if (!seconds) return "—";
  return seconds < 60 ? "<1 min" : `${Math.round(seconds / 60)} min`;
}

export function renderProgress(ctx: Context): string {
  const j = progressJson(ctx);
  const t = ctx.term;
  const c = (f: (s: string) => string, s: string) => (t.color ? f(s) : s);
  const out = [
    c(chalk.bold.magenta, "Your progress"),
    `  ${c(chalk.green, bar(j.percent / 100, 24))} ${j.percent}%`,
    `  Modules read: ${j.modules.read} of ${j.modules.total} · mastered: ${j.modules.mastered} · quizzes passed: ${j.modules.quizzesPassed}`,
    `  Cards due for review: ${j.due}${j.due ? " (api-architect review)" : ""}`,
    `  Streak: ${j.streak} day${j.streak === 1 ? "" : "s"} in a row · ${j.activeDays} active day${j.activeDays === 1 ? "" : "s"} · ${j.answers} answers`,
    `  Stack: ${j.stack ?? "not chosen yet (typescript by default)"}`,
    ...(j.labs.length ? [`  Labs passed: ${j.labs.filter((l) => l.passed).length} of ${j.labs.length}${j.labs.some((l) => l.lastRunAt && !l.passed) ? ` · in progress: ${j.labs.filter((l) => l.lastRunAt && !l.passed).map((l) => `${l.id} ${l.passing}/${l.checks}`).join(", ")}` : ""}`] : []),
    "",
    `  ${"Module".padEnd(38)} ${"Lesson".padEnd(12)} ${"Quiz".padEnd(10)} ${"Mastery".padEnd(8)} Time`,
  ];
  ctx.course.modules.forEach((m, i) => {
    const s = j.perModule[i]!;
    const lesson = s.read ? "read" : s.section ? "in progress" : "not started";
    const quiz = s.quizPassed ? "passed" : s.quizAnswered ? `${s.quizCorrect}/${s.quizQuestions}` : "not taken";
    out.push(`  ${`${pad2(m.number)} ${m.title}`.slice(0, 38).padEnd(38)} ${lesson.padEnd(12)} ${quiz.padEnd(10)} ${`${s.mastery}%`.padEnd(8)} ${minutes(s.seconds)}`);
  });
  if (j.mostMissed.length) {
    out.push("", "  Questions you miss most:");
    for (const q of j.mostMissed) out.push(`  ${String(q.misses).padStart(3)}× ${q.prompt.slice(0, t.width - 10)}`);
  }
  const o = j.orphans;
  const lost = o.answers + o.cards + o.lessons + o.marks;
  if (lost) out.push("", c(chalk.dim, `  ${lost} record${lost === 1 ? "" : "s"} refer to lessons or questions the course no longer has; they are kept, and not counted.`));
  out.push("", c(chalk.dim, `  Stored in ${ctx.store.path}`));
  return out.join("\n");
}

export async function progress(opts: { json?: boolean }, g: GlobalOptions): Promise<number> {
  const ctx = await context(g);
  print(opts.json ? JSON.stringify(progressJson(ctx), null, 2) : renderProgress(ctx));
  return EXIT.ok;
}

export async function reset(opts: { yes?: boolean }, g: GlobalOptions): Promise<number> {
  const store = await Store.open();
  const t = terminal(g.color, store.read().settings.color ?? "auto");
  if (!opts.yes) {
    if (!t.stdinTty || !t.stdoutTty) throw new NoTtyError("progress reset", "add --yes to reset without being asked");
    const sure = await confirm(t, "Forget every lesson position, answer and review card? Settings are kept.", { default: false, hint: "" });
    if (!sure) {
      print("Nothing was changed.");
      return EXIT.ok;
    }
  }
  await store.reset();
  print(`Progress reset (${store.path}).`);
  return EXIT.ok;
}

export async function exportProgress(file: string | undefined, _g: GlobalOptions): Promise<number> {
  const store = await Store.open();
  const json = `${JSON.stringify(exportDocument(store.read()), null, 2)}\n`;
  if (!file || file === "-") {
    process.stdout.write(json);
    return EXIT.ok;
  }
  try {
    writeFileSync(resolve(file), json);
  } catch (e) {
    throw new CliError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  process.stderr.write(`api-architect: progress exported to ${resolve(file)}\n`);
  return EXIT.ok;
}

export async function importProgress(file: string, opts: { yes?: boolean }, g: GlobalOptions): Promise<number> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file === "-" ? 0 : resolve(file), "utf8"));
  } catch (e) {
    const why = e instanceof SyntaxError ? "it is not valid JSON" : ((e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message);
    throw new UsageError(`cannot import ${file}: ${why}; nothing was changed`);
  }
  const read = readExport(data);
  if ("error" in read) throw new UsageError(`cannot import ${file}: ${read.error}; nothing was changed`);
  const store = await Store.open();
  const preview = merge(store.read(), read.progress).summary;
  if (!changesAnything(preview)) {
    print("Nothing to import: everything in that file is already here.");
    return EXIT.ok;
  }
  print(`Importing ${file} would add:\n${describeMerge(preview).replace(/^/gm, "  ")}`);
  if (!opts.yes) {
    const t = terminal(g.color, store.read().settings.color ?? "auto");
    if (!t.stdinTty || !t.stdoutTty) throw new NoTtyError("progress import", "add --yes to import without being asked");
    if (!(await confirm(t, "Merge it into your progress?", { default: true, hint: "" }))) {
      print("Nothing was changed.");
      return EXIT.ok;
    }
  }
  // Merge again under the lock: another process may have written since the preview.
  await store.update((p) => Object.assign(p, merge(p, read.progress).result));
  print("Imported.");
  return EXIT.ok;
}
