import chalk from "chalk";
import type { GlobalOptions } from "../cli.js";
import { context, stackFor } from "../context.js";
import { EXIT } from "../errors.js";
import { bar, MASTERY_THRESHOLD, recommendations, skillId, stageStatuses, type Recommendation, type StageStatus } from "../learn/status.js";
import { suggest } from "../learn/resolve.js";
import { UsageError } from "../errors.js";
import { print } from "../output.js";
import { pad2 } from "../render/text.js";
import { hangingIndent, wrap } from "../render/text.js";
import type { Terminal } from "../output.js";
import type { Course } from "../content/model.js";

export function roadmapJson(stages: StageStatus[], recs: Recommendation[], closing?: Course["closing"]) {
  return {
    current: stages.find((s) => s.state === "current")?.stage.id ?? null,
    masteryThreshold: MASTERY_THRESHOLD,
    recommendations: recs,
    stages: stages.map((s) => ({
      id: s.stage.id,
      number: s.stage.number,
      title: s.stage.title,
      duration: s.stage.duration,
      summary: s.stage.summary,
      skills: s.stage.skills,
      project: s.stage.project,
      projects: s.stage.stacks,
      labs: s.labs.map((l) => l.lab.id),
      reading: s.stage.reading,
      state: s.state,
      progress: Math.round(s.progress * 100),
      modules: s.modules.map((m) => ({ id: m.module.id, number: m.module.number, title: m.module.title, read: m.read, quizPassed: m.passed, mastery: m.mastery })),
      planned: s.planned,
      labResults: s.labs.map((l) => ({ id: l.lab.id, title: l.lab.title, module: l.lab.module, checks: l.checks, passing: l.passing, passed: l.passed })),
      marks: Object.fromEntries(s.skills.map((k) => [k.id, k.mark])),
    })),
    closing: closing ?? null,
  };
}

const STATE_LABEL: Record<StageStatus["state"], string> = { done: "done", current: "you are here", upcoming: "", "coming-soon": "lessons coming soon" };

const MARK_LABEL = { done: "✓ done", learning: "… learning", skip: "– skipped" } as const;

export function renderRoadmap(stages: StageStatus[], t: Terminal, stackNote: (s: StageStatus) => string | undefined, recs: Recommendation[] = [], closing?: Course["closing"]): string {
  const c = (f: (s: string) => string, s: string) => (t.color ? f(s) : s);
  const out: string[] = [c(chalk.bold.magenta, "Roadmap: from endpoints to systems"), ""];
  if (recs.length) {
    out.push(c(chalk.bold, "Next steps"));
    for (const r of recs) out.push(hangingIndent(r.text, "  → ", t.width));
    out.push("");
  }
  for (const s of stages) {
    const label = STATE_LABEL[s.state];
    const marker = s.state === "current" ? "▶" : s.state === "done" ? "✓" : " ";
    const title = `${marker} Stage ${s.stage.number} · ${s.stage.title} (${s.stage.duration})`;
    out.push(c(s.state === "current" ? chalk.bold.cyan : chalk.bold, title) + (label ? c(chalk.yellow, `  — ${label}`) : ""));
    out.push(`  ${c(chalk.green, bar(s.progress, 24))} ${Math.round(s.progress * 100)}%`);
    out.push(wrap(s.stage.summary, t.width - 2).replace(/^/gm, "  "));
    // The learner's own marks, shown apart from what the evidence says.
    const skills = s.skills.map((k) => (k.mark ? `${k.name} [${MARK_LABEL[k.mark]}]` : k.name));
    out.push(wrap(`Skills: ${skills.join(", ")}`, t.width - 2).replace(/^/gm, "  "));
    for (const m of s.modules) {
      const state = [m.read ? "read" : "unread", `mastery ${m.mastery}%`, m.answered ? `quiz ${m.correct}/${m.module.quiz.length}` : "quiz not taken"].join(", ");
      out.push(`  ${m.read && m.mastery >= MASTERY_THRESHOLD ? "✓" : "·"} ${pad2(m.module.number)} ${m.module.title} ${c(chalk.dim, `(${state})`)}`);
    }
    for (const p of s.planned) out.push(`  · ${p.title} ${c(chalk.dim, "(coming soon)")}`);
    for (const l of s.labs) out.push(`  ${l.passed ? "✓" : "·"} Lab: ${l.lab.title} ${c(chalk.dim, `(${l.passed ? "passed" : `${l.passing}/${l.checks} checks`}; api-architect lab start ${l.lab.id})`)}`);
    const note = stackNote(s);
    if (note) out.push(wrap(`In your stack: ${note}`, t.width - 2).replace(/^/gm, "  "));
    out.push(wrap(`Project: ${s.stage.project}`, t.width - 2).replace(/^/gm, "  "));
    if (s.stage.reading.length) {
      out.push("  Further reading:");
      for (const r of s.stage.reading) out.push(hangingIndent(`${r.title}${r.by ? `, ${r.by}` : ""}${r.note ? ` — ${r.note}` : ""}${r.url ? ` (${r.url})` : ""}`, "    • ", t.width));
    }
    out.push("");
  }
  if (closing) {
    out.push(c(chalk.bold, closing.title));
    for (const p of closing.points) out.push(hangingIndent(p, "  • ", t.width));
    out.push("");
  }
  return out.join("\n");
}

export async function roadmap(opts: { json?: boolean; stack?: string }, g: GlobalOptions): Promise<number> {
  const ctx = await context(g);
  const stages = stageStatuses(ctx.course, ctx.progress());
  const recs = recommendations(ctx.course, ctx.progress());
  if (opts.json) {
    print(JSON.stringify(roadmapJson(stages, recs, ctx.course.closing), null, 2));
    return EXIT.ok;
  }
  const stack = stackFor(ctx, opts.stack);
  print(renderRoadmap(stages, ctx.term, (s) => (stack === "all" ? undefined : s.stage.stacks[stack]), recs, ctx.course.closing));
  return EXIT.ok;
}

const MARKS = ["done", "learning", "skip", "clear"] as const;

/** `roadmap mark <stage> <skill> <done|learning|skip|clear>`: the learner's own view of a skill. */
export async function markSkill(stageInput: string, skillInput: string, status: string, g: GlobalOptions): Promise<number> {
  const ctx = await context(g);
  const stage = ctx.course.stages.find((s) => s.id === stageInput.toLowerCase() || String(s.number) === stageInput);
  if (!stage) {
    const near = suggest(stageInput, ctx.course.stages.map((s) => s.id));
    throw new UsageError(`unknown stage "${stageInput}"${near ? `; did you mean "${near}"?` : `; stages are ${ctx.course.stages.map((s) => s.id).join(", ")}`}`);
  }
  const ids = stage.skills.map((n) => skillId(n));
  const wanted = skillId(skillInput);
  const id = ids.includes(wanted) ? wanted : ids.filter((x) => x.startsWith(wanted)).length === 1 ? ids.find((x) => x.startsWith(wanted))! : undefined;
  if (!id) {
    throw new UsageError(`stage ${stage.id} has no skill "${skillInput}"; its skills are ${stage.skills.map((n) => `"${n}"`).join(", ")}`);
  }
  if (!(MARKS as readonly string[]).includes(status)) throw new UsageError(`"${status}" is not a mark; use ${MARKS.join(", ")}`);
  await ctx.store.update((p) => {
    const marks = { ...p.marks[stage.id] };
    if (status === "clear") delete marks[id];
    else marks[id] = { status: status as "done" | "learning" | "skip", at: new Date().toISOString() };
    p.marks[stage.id] = marks;
  });
  const name = stage.skills[ids.indexOf(id)]!;
  print(status === "clear" ? `Cleared your mark on "${name}".` : `Marked "${name}" (stage ${stage.number}) as ${status}.`);
  return EXIT.ok;
}
