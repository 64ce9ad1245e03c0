// Quizzes on the full screen. Every answer is saved the moment it is given (a right one as Good);
// "how sure were you?" then only adjusts the rating. A quiz stopped part way resumes at the first
// question not answered yet.
import chalk from "chalk";
import type { Module, Question } from "../content/model.js";
import { attemptState, newAttempt, type AttemptState } from "../learn/attempt.js";
import { recordAnswer, recordTime, regrade } from "../learn/record.js";
import type { Grading } from "../learn/schedule.js";
import { grade, moduleStatus, QUIZ_PASS_RATIO, recommendations, shuffle, type Recommendation } from "../learn/status.js";
import { renderText } from "../render/lesson.js";
import { hanging, pad2 } from "../render/text.js";
import { cardKey, type StoredCard } from "../store/schema.js";
import { backLabel, notice, titleBar } from "./common.js";
import type { QuizMode, Route, ScreenContext } from "./nav.js";
import { ListView, type Entry } from "./ui/list.js";

export type Asked = "right" | "wrong" | "stop";

const STOP = Symbol("stop");
type Stop = typeof STOP;

/** Markdown at a width, as lines for a list's intro. */
function md(sc: ScreenContext, markdown: string, width: number): string[] {
  return renderText(sc.course, markdown, { width, color: sc.term.color }, sc.settings().stack ?? "typescript").trimEnd().split("\n");
}

/** Inline markdown (an option's text) on one line; the list wraps it. */
function inline(sc: ScreenContext, markdown: string): string {
  return renderText(sc.course, markdown, { width: 1000, color: sc.term.color }).trim().replace(/\s*\n\s*/g, " ");
}

/** An explanation without a leading "Right." or "Correct.", which the verdict has already said. */
export function withoutVerdict(text: string): string {
  return text.replace(/^\s*(right|correct|yes|exactly|wrong|no|not quite|incorrect)\s*[.!:,—–-]+\s*/i, "");
}

export interface AskOptions {
  header: string;
  source: "quiz" | "review";
  /** The label for moving on after a wrong answer ("Next question", "See your score"). */
  next: string;
}

/** Asks one question; saves the answer as soon as it is picked; explains it. */
export async function askQuestion(sc: ScreenContext, q: Question, o: AskOptions): Promise<Asked> {
  const shown = Date.now();
  const options = shuffle(q.options);
  // The one word for leaving, with what matters here: nothing answered is lost.
  const leave = { value: STOP, label: `${backLabel(sc).toLowerCase()} (answers are saved)` } as const;
  const picked = await sc.ui.show(
    new ListView<number | Stop>({
      header: titleBar(o.header),
      // Code in a question is shown in the learner's stack, as in a lesson.
      intro: (w) => [...md(sc, q.prompt, w), ...(q.code ? ["", ...md(sc, q.code, w)] : [])],
      items: options.map((opt, i) => ({ label: inline(sc, opt.text), value: i })),
      numbered: true,
      back: leave,
    }),
  );
  if (picked === STOP) return "stop";
  const choice = options[picked]!.text;
  const g = grade(q, choice);
  const now = new Date();
  const at = now.toISOString();
  let before: StoredCard | undefined;
  // Saved before anything else can happen: a signal, a closed terminal or kill -9 at the next
  // question loses nothing. A right answer is Good until the learner says otherwise.
  await sc.save((p) => {
    before = p.cards[cardKey(q.module, q.id)];
    recordAnswer(p, q, choice, g.correct, g.correct ? "good" : "again", o.source, now);
    recordTime(p, q.module, (Date.now() - shown) / 1000, now);
  });

  const marks = (w: number) =>
    options.flatMap((opt, i) => {
      const mark = opt.correct ? chalk.green("✔") : i === picked ? chalk.red("✘") : chalk.dim("·");
      const note = i === picked ? chalk.dim("  (your answer)") : "";
      return hanging(inline(sc, opt.text) + note, `  ${mark} ${i + 1}. `, w);
    });
  const explanation = (w: number) =>
    g.correct
      ? md(sc, withoutVerdict(g.right.explain), w)
      : [
          ...md(sc, `**Your answer (${picked + 1}):** ${withoutVerdict(g.picked.explain)}`, w),
          "",
          ...md(sc, `**The right answer (${options.indexOf(g.right) + 1}):** ${withoutVerdict(g.right.explain)}`, w),
        ];
  const intro = (w: number) => [g.correct ? chalk.green.bold("✔ Right.") : chalk.red.bold("✘ Not quite."), "", ...marks(w), "", ...explanation(w), ""];

  if (!g.correct) {
    const next = await sc.ui.show(
      new ListView<"next" | Stop>({ header: titleBar(o.header), intro, items: [{ label: o.next, value: "next" }], back: leave }),
    );
    return next === STOP ? "stop" : "wrong";
  }
  const grading = await sc.ui.show(
    new ListView<Grading | Stop>({
      header: titleBar(o.header),
      intro: (w) => [...intro(w), chalk.bold("How sure were you?")],
      items: [
        { label: "Hard: I got there, with effort", value: "hard", key: "h" },
        { label: "Good: I knew it", value: "good", key: "g" },
        { label: "Easy: no thought needed", value: "easy", key: "e" },
      ],
      initial: "good",
      back: leave,
    }),
  );
  if (grading !== STOP && grading !== "good") await sc.save((p) => regrade(p, q, at, grading, before));
  return grading === STOP ? "stop" : "right";
}

/** `quiz`: a module's quiz; resumes one stopped part way. */
export async function quizScreen(sc: ScreenContext, route: Extract<Route, { to: "quiz" }>): Promise<void> {
  if (!route.module) return sc.nav.open({ to: "modules", purpose: "quiz" });
  await runQuiz(sc, route.module, route.mode);
}

async function runQuiz(sc: ScreenContext, m: Module, mode?: QuizMode): Promise<void> {
  let state: AttemptState | undefined = mode ? undefined : attemptState(m, sc.progress());
  if (state && (!state.remaining.length || !state.answered.size)) state = undefined;
  const resumed = Boolean(state);
  if (!state) {
    const attempt = newAttempt(m, sc.progress(), mode ?? "all", new Date());
    if (!attempt) {
      const what = mode === "missed" ? "Every question you have answered, your latest answer got right." : "You have answered every question of this quiz at least once.";
      await notice(sc, `Quiz · ${pad2(m.number)} ${m.title}`, [what, "", `Take the whole quiz with \`api-architect quiz ${m.number}\`.`]);
      return;
    }
    await sc.save((p) => void (p.quizzes = { ...p.quizzes, [m.id]: attempt }));
    state = attemptState(m, sc.progress(), attempt)!;
  }
  const total = state.attempt.order.length;
  const kind = state.attempt.mode === "missed" ? "missed questions, " : state.attempt.mode === "unanswered" ? "unanswered questions, " : "question ";
  // The score counts the first answer to each question: those before a stop, and these.
  const answered = new Map(state.answered);
  for (const [i, { question, number }] of state.remaining.entries()) {
    const header = `Quiz · ${pad2(m.number)} ${m.title} — ${kind}${number} of ${total}${resumed && i === 0 ? " (resumed where you stopped)" : ""}`;
    const result = await askQuestion(sc, question, { header, source: "quiz", next: number === total ? "See your score" : "Next question" });
    if (result === "stop") return;
    if (!answered.has(question.id)) answered.set(question.id, { correct: result === "right", at: new Date().toISOString() });
  }
  const done: AttemptState = { attempt: state.attempt, remaining: [], answered };
  await sc.save((p) => {
    if (p.quizzes?.[m.id]?.startedAt === state!.attempt.startedAt) {
      const rest = { ...p.quizzes };
      delete rest[m.id];
      p.quizzes = rest;
    }
  });
  await endOfQuiz(sc, m, done);
}

type EndChoice = { read: number } | { route: Route } | "retry" | "back";

/** The score, what to read again (one key away) and one next step. */
async function endOfQuiz(sc: ScreenContext, m: Module, s: AttemptState): Promise<void> {
  const questions = s.attempt.order.map((id) => m.quiz.find((q) => q.id === id)!);
  const missed = questions.filter((q) => !s.answered.get(q.id)?.correct);
  const right = questions.length - missed.length;
  const { openIndex } = await import("../search/cache.js");
  const { teachingSection } = await import("../search/teach.js");
  const index = missed.length ? openIndex(sc.source) : undefined;
  const readAgain = missed.map((q) => ({ q, section: index ? teachingSection(index, m, q) : undefined }));
  for (;;) {
    const status = moduleStatus(m, sc.progress());
    const pass = status.passed
      ? `Module quiz passed: your latest answers are right on ${status.correct} of ${m.quiz.length} questions.`
      : `To pass, get ${Math.ceil(m.quiz.length * QUIZ_PASS_RATIO)} of ${m.quiz.length} right; your latest answers have ${status.correct}.`;
    const items: Entry<EndChoice>[] = [];
    const seen = new Set<number>();
    for (const { q, section } of readAgain) {
      if (section === undefined || seen.has(section)) continue;
      seen.add(section);
      const about = q.prompt.replace(/```[\s\S]*?```/g, "").replace(/[`*_]/g, "").replace(/\s+/g, " ").trim();
      items.push({ label: `Read again: ${section + 1}. ${m.sections[section]!.title}`, hint: `for “${about.length > 60 ? `${about.slice(0, 59)}…` : about}”`, value: { read: section } });
    }
    if (items.length) items.push({ separator: true });
    const step = nextStep(sc, m, missed.length);
    if (step) items.push(step);
    items.push({ label: backLabel(sc), value: "back", key: "q" });
    const intro = [
      chalk.bold(`Score: ${right} of ${questions.length} (${Math.round((right / questions.length) * 100)}%)`),
      pass,
      ...(missed.length && seen.size ? ["", "What to read again: the sections that teach what you missed."] : []),
    ];
    const choice = await sc.ui.show(new ListView<EndChoice>({ header: titleBar(`Quiz · ${pad2(m.number)} ${m.title} — done`), intro, items, numbered: true, back: { value: "back", label: backLabel(sc) } }));
    if (choice === "back") return;
    if (choice === "retry") return runQuiz(sc, m, "missed");
    if ("read" in choice) await sc.nav.open({ to: "lesson", module: m, section: choice.read });
    else {
      await sc.nav.open(choice.route);
      return;
    }
  }
}

/** One next step: retry what was missed, else what the roadmap recommends. */
function nextStep(sc: ScreenContext, m: Module, missed: number): Entry<EndChoice> | undefined {
  if (missed) return { label: `Next step: retry the ${missed} you missed`, value: "retry", key: "r" };
  const rec: Recommendation | undefined = recommendations(sc.course, sc.progress()).find((r) => r.kind !== "quiz" || r.module !== m.id);
  if (!rec) return undefined;
  const target = rec.module ? sc.course.modules.find((x) => x.id === rec.module) : undefined;
  const route: Route | undefined =
    rec.kind === "review" ? { to: "review" } : rec.kind === "read" && target ? { to: "lesson", module: target } : target ? { to: "quiz", module: target } : undefined;
  if (!route) return undefined;
  return { label: `Next step: ${rec.text.replace(/\s*\(api-architect [^)]*\)$/, "")}`, value: { route }, key: "n" };
}

/** One question from a search hit: asked first, so its answer is not seen before it is given. */
export async function questionScreen(sc: ScreenContext, route: Extract<Route, { to: "question" }>): Promise<void> {
  const m = sc.course.modules.find((x) => x.id === route.question.module)!;
  const number = m.quiz.indexOf(route.question) + 1;
  await askQuestion(sc, route.question, { header: `Quiz · ${pad2(m.number)} ${m.title} — question ${number} of ${m.quiz.length}`, source: "quiz", next: "Done" });
}

