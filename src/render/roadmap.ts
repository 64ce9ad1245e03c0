// The roadmap as text: stages, progress bars, the learner's marks, next steps.
import chalk from "chalk";
import type { Course } from "../content/model.js";
import { bar, MASTERY_THRESHOLD, type Recommendation, type StageStatus } from "../learn/status.js";
import type { Look } from "./lesson.js";
import { hangingIndent, pad2, wrap } from "./text.js";

const STATE_LABEL: Record<StageStatus["state"], string> = { done: "done", current: "you are here", upcoming: "", "coming-soon": "lessons coming soon" };

const MARK_LABEL = { done: "✓ done", learning: "… learning", skip: "– skipped" } as const;

const indented = (text: string, width: number) => wrap(text, width - 2).replace(/^/gm, "  ");

export function renderRoadmap(stages: StageStatus[], t: Look, stackNote: (s: StageStatus) => string | undefined, recs: Recommendation[] = [], closing?: Course["closing"]): string {
  const out: string[] = [chalk.bold.magenta("Roadmap: from endpoints to systems"), ""];
  if (recs.length) {
    out.push(chalk.bold("Next steps"));
    for (const r of recs) out.push(hangingIndent(r.text, "  → ", t.width));
    out.push("");
  }
  for (const s of stages) {
    const label = STATE_LABEL[s.state];
    const marker = s.state === "current" ? "▶" : s.state === "done" ? "✓" : " ";
    const title = `${marker} Stage ${s.stage.number} · ${s.stage.title} (${s.stage.duration})`;
    const heading = (s.state === "current" ? chalk.bold.cyan : chalk.bold)(title) + (label ? chalk.yellow(`  — ${label}`) : "");
    out.push(wrap(heading, t.width - 4).replace(/\n/g, "\n    "));
    out.push(`  ${chalk.green(bar(s.progress, 24))} ${Math.round(s.progress * 100)}%`);
    out.push(indented(s.stage.summary, t.width));
    // The learner's own marks, shown apart from what the evidence says.
    const skills = s.skills.map((k) => (k.mark ? `${k.name} [${MARK_LABEL[k.mark]}]` : k.name));
    out.push(indented(`Skills: ${skills.join(", ")}`, t.width));
    for (const m of s.modules) {
      const state = [m.read ? "read" : "unread", `mastery ${m.mastery}%`, m.answered ? `quiz ${m.correct}/${m.module.quiz.length}` : "quiz not taken"].join(", ");
      const mark = m.read && m.mastery >= MASTERY_THRESHOLD ? "✓" : "·";
      out.push(hangingIndent(`${pad2(m.module.number)} ${m.module.title} ${chalk.dim(`(${state})`)}`, `  ${mark} `, t.width));
    }
    for (const p of s.planned) out.push(hangingIndent(`${p.title} ${chalk.dim("(coming soon)")}`, "  · ", t.width));
    for (const l of s.labs) out.push(hangingIndent(`Lab: ${l.lab.title} ${chalk.dim(`(${l.passed ? "passed" : `${l.passing}/${l.checks} checks`}; api-architect lab start ${l.lab.id})`)}`, `  ${l.passed ? "✓" : "·"} `, t.width));
    const note = stackNote(s);
    if (note) out.push(indented(`In your stack: ${note}`, t.width));
    out.push(indented(`Project: ${s.stage.project}`, t.width));
    if (s.stage.reading.length) {
      out.push("  Further reading:");
      for (const r of s.stage.reading) {
        out.push(hangingIndent(`${r.title}${r.by ? `, ${r.by}` : ""}${r.note ? ` — ${r.note}` : ""}`, "    • ", t.width));
        // A link on a line of its own, never broken: a URL cut in two cannot be opened or copied.
        if (r.url) out.push(" ".repeat(Math.max(0, Math.min(6, t.width - r.url.length))) + r.url);
      }
    }
    out.push("");
  }
  if (closing) {
    out.push(chalk.bold(closing.title));
    for (const p of closing.points) out.push(hangingIndent(p, "  • ", t.width));
    out.push("");
  }
  return out.join("\n");
}
