// The learner's progress as one object: what `progress --json` prints and the progress screen shows. Pure.
import type { Course } from "../content/model.js";
import { labStatus } from "../labs/record.js";
import type { ProgressState as Progress } from "../store/schema.js";
import type { Settings } from "../store/settings.js";
import { moduleStatus, orphans, overall, stageStatuses, stats } from "./status.js";

export function progressReport(course: Course, p: Progress, settings: Settings, now = new Date()) {
  const o = overall(course, p, now);
  const stages = stageStatuses(course, p, now);
  const s = stats(course, p, now);
  return {
    stack: settings.stack ?? null,
    percent: o.percent,
    modules: { total: o.modules, read: o.read, quizzesPassed: o.passed, mastered: o.mastered },
    answers: o.answered,
    due: o.due,
    currentStage: stages.find((x) => x.state === "current")?.stage.id ?? null,
    streak: s.streak,
    activeDays: s.activeDays,
    mostMissed: s.mostMissed,
    perModule: course.modules.map((m) => {
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
    labs: course.labs.map((lab) => {
      const l = labStatus(lab, p);
      return { id: lab.id, module: lab.module, checks: l.checks, passing: l.passing, passed: l.passed, passedAt: l.passedAt, lastRunAt: l.lastRunAt };
    }),
    orphans: orphans(course, p),
  };
}

export type ProgressReport = ReturnType<typeof progressReport>;
