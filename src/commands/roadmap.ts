import chalk from "chalk";
import type { GlobalOptions } from "../cli.js";
import { context, stackFor } from "../context.js";
import { EXIT } from "../errors.js";
import { bar, stageStatuses, type StageStatus } from "../learn/status.js";
import { print } from "../output.js";
import { pad2 } from "../render/text.js";
import { wrap } from "../render/text.js";
import type { Terminal } from "../output.js";

export function roadmapJson(stages: StageStatus[]) {
  return {
    current: stages.find((s) => s.state === "current")?.stage.id ?? null,
    stages: stages.map((s) => ({
      id: s.stage.id,
      number: s.stage.number,
      title: s.stage.title,
      duration: s.stage.duration,
      summary: s.stage.summary,
      skills: s.stage.skills,
      project: s.stage.project,
      state: s.state,
      progress: Math.round(s.progress * 100),
      modules: s.modules.map((m) => ({ id: m.module.id, number: m.module.number, title: m.module.title, read: m.read, quizPassed: m.passed })),
      planned: s.planned,
    })),
  };
}

const STATE_LABEL: Record<StageStatus["state"], string> = { done: "done", current: "you are here", upcoming: "", "coming-soon": "lessons coming soon" };

export function renderRoadmap(stages: StageStatus[], t: Terminal, stackNote: (s: StageStatus) => string | undefined): string {
  const c = (f: (s: string) => string, s: string) => (t.color ? f(s) : s);
  const out: string[] = [c(chalk.bold.magenta, "Roadmap: from endpoints to systems"), ""];
  for (const s of stages) {
    const label = STATE_LABEL[s.state];
    const marker = s.state === "current" ? "▶" : s.state === "done" ? "✓" : " ";
    const title = `${marker} Stage ${s.stage.number} · ${s.stage.title} (${s.stage.duration})`;
    out.push(c(s.state === "current" ? chalk.bold.cyan : chalk.bold, title) + (label ? c(chalk.yellow, `  — ${label}`) : ""));
    out.push(`  ${c(chalk.green, bar(s.progress, 24))} ${Math.round(s.progress * 100)}%`);
    out.push(wrap(s.stage.summary, t.width - 2).replace(/^/gm, "  "));
    out.push(wrap(`Skills: ${s.stage.skills.join(", ")}`, t.width - 2).replace(/^/gm, "  "));
    for (const m of s.modules) {
      const state = [m.read ? "read" : "unread", m.passed ? "quiz passed" : m.answered ? `quiz ${m.correct}/${m.module.quiz.length}` : "quiz not taken"].join(", ");
      out.push(`  ${m.read && m.passed ? "✓" : "·"} ${pad2(m.module.number)} ${m.module.title} ${c(chalk.dim, `(${state})`)}`);
    }
    for (const p of s.planned) out.push(`  · ${p.title} ${c(chalk.dim, "(coming soon)")}`);
    const note = stackNote(s);
    if (note) out.push(wrap(`In your stack: ${note}`, t.width - 2).replace(/^/gm, "  "));
    out.push(wrap(`Project: ${s.stage.project}`, t.width - 2).replace(/^/gm, "  "), "");
  }
  return out.join("\n");
}

export async function roadmap(opts: { json?: boolean; stack?: string }, g: GlobalOptions): Promise<number> {
  const ctx = await context(g);
  const stages = stageStatuses(ctx.course, ctx.progress());
  if (opts.json) {
    print(JSON.stringify(roadmapJson(stages), null, 2));
    return EXIT.ok;
  }
  const stack = stackFor(ctx, opts.stack);
  print(renderRoadmap(stages, ctx.term, (s) => (stack === "all" ? undefined : s.stage.stacks[stack])));
  return EXIT.ok;
}
