// `roadmap` and `roadmap mark`.
import { context, stackFor } from "../context.js";
import { EXIT, UsageError } from "../errors.js";
import { suggest } from "../learn/resolve.js";
import { MASTERY_THRESHOLD, recommendations, skillId, stageStatuses, type Recommendation, type StageStatus } from "../learn/status.js";
import type { GlobalOptions } from "../options.js";
import { renderRoadmap } from "../render/roadmap.js";
import type { Course, Stage } from "../content/model.js";

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

export async function roadmap(opts: { json?: boolean; stack?: string }, g: GlobalOptions): Promise<number> {
  const ctx = await context(g);
  // One moment for every figure, so that each card's recall is worked out once.
  const now = new Date();
  const stages = stageStatuses(ctx.course, ctx.progress(), now);
  const recs = recommendations(ctx.course, ctx.progress(), now);
  if (opts.json) {
    ctx.term.print(JSON.stringify(roadmapJson(stages, recs, ctx.course.closing), null, 2));
    return EXIT.ok;
  }
  const stack = stackFor(ctx, opts.stack);
  await ctx.term.page(renderRoadmap(stages, ctx.term, (s) => (stack === "all" ? undefined : s.stage.stacks[stack]), recs, ctx.course.closing), { pager: g.pager, title: "Roadmap" });
  return EXIT.ok;
}

const MARKS = ["done", "learning", "skip", "clear"] as const;

/** A skill of a stage by its name, id or a unique start of either. */
function findSkill(stage: Stage, input: string): string | undefined {
  const ids = stage.skills.map((n) => skillId(n));
  const wanted = skillId(input);
  if (ids.includes(wanted)) return wanted;
  const started = ids.filter((x) => x.startsWith(wanted));
  return started.length === 1 ? started[0] : undefined;
}

/** `roadmap mark <stage> <skill> <done|learning|skip|clear>`: the learner's own view of a skill. */
export async function markSkill(stageInput: string, skillInput: string, status: string, g: GlobalOptions): Promise<number> {
  const ctx = await context(g);
  const stages = ctx.course.stages;
  const stage = stages.find((s) => s.id === stageInput.trim().toLowerCase() || String(s.number) === stageInput.trim());
  // The stage that has the skill, to suggest when the one named does not.
  const holder = stages.find((s) => findSkill(s, skillInput));
  const command = (s: Stage, skill: string) => `api-architect roadmap mark ${s.id} "${skill}" ${MARKS.includes(status.toLowerCase() as never) ? status.toLowerCase() : "done"}`;
  if (!stage) {
    const near = suggest(stageInput, stages.map((s) => s.id));
    const hint = holder
      ? `; "${skillInput}" is in stage ${holder.number} (${holder.id}): \`${command(holder, holder.skills[holder.skills.map(skillId).indexOf(findSkill(holder, skillInput)!)]!)}\``
      : near
        ? `; did you mean "${near}"?`
        : `; stages are ${stages.map((s) => `${s.number} ${s.id}`).join(", ")}`;
    throw new UsageError(`unknown stage "${stageInput}"${hint}`);
  }
  const id = findSkill(stage, skillInput);
  if (!id) {
    if (holder && holder !== stage) {
      const name = holder.skills[holder.skills.map(skillId).indexOf(findSkill(holder, skillInput)!)]!;
      throw new UsageError(`stage ${stage.id} has no skill "${skillInput}"; stage ${holder.number} (${holder.id}) has it: \`${command(holder, name)}\``);
    }
    throw new UsageError(`stage ${stage.id} has no skill "${skillInput}"; its skills are ${stage.skills.map((n) => `"${n}"`).join(", ")}`);
  }
  const mark = status.trim().toLowerCase();
  if (!(MARKS as readonly string[]).includes(mark)) {
    const near = suggest(mark, MARKS);
    throw new UsageError(`"${status}" is not a mark; use ${MARKS.join(", ")}${near ? ` (did you mean ${near}?)` : ""}`);
  }
  await ctx.save((p) => {
    const marks = { ...p.marks[stage.id] };
    if (mark === "clear") delete marks[id];
    else marks[id] = { status: mark as "done" | "learning" | "skip", at: new Date().toISOString() };
    p.marks[stage.id] = marks;
  });
  const name = stage.skills[stage.skills.map(skillId).indexOf(id)]!;
  ctx.term.print(mark === "clear" ? `Cleared your mark on "${name}".` : `Marked "${name}" (stage ${stage.number}) as ${mark}.`);
  return EXIT.ok;
}
