// Pure logic behind the screens: quiz attempts, sections seen, regrading, review messages.
import { describe, expect, it } from "vitest";
import { loadCourse } from "../../src/content/loader.js";
import { attemptState, missedQuestions, newAttempt, resumable, unansweredQuestions } from "../../src/learn/attempt.js";
import { recordAnswer, recordPosition, recordSeen, regrade, seenSections } from "../../src/learn/record.js";
import { stillDueMessage } from "../../src/learn/review.js";
import { rate } from "../../src/learn/schedule.js";
import { emptyState } from "../../src/store/schema.js";
import { foldLog } from "../../src/store/migrate.js";
import { withoutVerdict } from "../../src/screens/quiz.js";
import { FIXTURE } from "../helpers.js";

const course = loadCourse(FIXTURE);
const http = course.modules[0]!;
const q = (id: string) => http.quiz.find((x) => x.id === id)!;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 10, minute));

describe("quiz attempts", () => {
  it("a new attempt asks every question; --missed and --unanswered narrow it", () => {
    const p = emptyState();
    expect(newAttempt(http, p, "all", at(0))!.order.sort()).toEqual(["get-safe", "not-found", "read-handler"]);
    expect(newAttempt(http, p, "missed", at(0))).toBeUndefined();
    recordAnswer(p, q("get-safe"), "POST", false, "again", "quiz", at(1));
    recordAnswer(p, q("not-found"), "404", true, "good", "quiz", at(1));
    expect(missedQuestions(http, p).map((x) => x.id)).toEqual(["get-safe"]);
    expect(unansweredQuestions(http, p).map((x) => x.id)).toEqual(["read-handler"]);
    expect(newAttempt(http, p, "unanswered", at(2))!.order).toEqual(["read-handler"]);
  });

  it("resumes at the first question not answered since the attempt started", () => {
    const p = emptyState();
    // An answer from before the attempt does not count towards it.
    recordAnswer(p, q("read-handler"), '{"id": 7}', true, "good", "quiz", at(0));
    const a = { order: ["read-handler", "get-safe", "not-found"], startedAt: at(1).toISOString(), mode: "all" as const };
    p.quizzes = { [http.id]: a };
    expect(resumable(http, p)).toBeUndefined(); // nothing answered yet in this attempt
    recordAnswer(p, q("read-handler"), '{"id": 7}', true, "good", "quiz", at(2));
    const s = attemptState(http, p)!;
    expect(s.remaining.map((x) => [x.question.id, x.number])).toEqual([["get-safe", 2], ["not-found", 3]]);
    expect(resumable(http, p)).toEqual({ next: 2, total: 3 });
    // Review answers are not quiz answers.
    recordAnswer(p, q("get-safe"), "GET", true, "good", "review", at(3));
    expect(resumable(http, p)).toEqual({ next: 2, total: 3 });
  });
});

describe("sections seen", () => {
  it("a module is read once every section was shown to its end, not when the last is reached", () => {
    const p = emptyState();
    recordPosition(p, http, 2, at(0));
    expect(p.lessons[http.id]!.completedAt).toBeUndefined();
    recordSeen(p, http, "wrapping-up", at(1));
    recordSeen(p, http, "requests", at(2));
    expect(p.lessons[http.id]!.completedAt).toBeUndefined();
    expect([...seenSections(p, http)]).toEqual(["requests", "wrapping-up"]);
    recordSeen(p, http, "handler", at(3));
    expect(p.lessons[http.id]!.completedAt).toBe(at(3).toISOString());
    expect(p.lessons[http.id]!.seen).toEqual(["requests", "handler", "wrapping-up"]);
  });
  it("an older record marked read counts every section as seen", () => {
    const p = emptyState();
    p.lessons[http.id] = { section: "handler", updatedAt: at(0).toISOString(), completedAt: at(0).toISOString() };
    expect(seenSections(p, http).size).toBe(3);
  });
});

describe("how sure, after the answer is saved", () => {
  it("updates the rating and recomputes the card from the one before", () => {
    const p = emptyState();
    const before = rate(undefined, "good", at(0));
    p.cards["http-basics/get-safe"] = before;
    recordAnswer(p, q("get-safe"), "GET", true, "good", "quiz", at(5));
    regrade(p, q("get-safe"), at(5).toISOString(), "easy", before);
    // The log gets a line that re-rates the answer; read back, the answer has the new rating.
    expect(foldLog(p.newAnswers)).toEqual([expect.objectContaining({ question: "get-safe", rating: 4 })]);
    expect(p.cards["http-basics/get-safe"]).toEqual(rate(before, "easy", at(5)));
  });
  it("leaves a card another process reviewed since alone, and never regrades a wrong answer", () => {
    const p = emptyState();
    recordAnswer(p, q("get-safe"), "GET", true, "good", "quiz", at(5));
    const later = rate(p.cards["http-basics/get-safe"], "good", at(9));
    p.cards["http-basics/get-safe"] = later;
    regrade(p, q("get-safe"), at(5).toISOString(), "hard", undefined);
    expect(p.cards["http-basics/get-safe"]).toEqual(later);
    recordAnswer(p, q("not-found"), "500", false, "again", "quiz", at(6));
    regrade(p, q("not-found"), at(6).toISOString(), "easy", undefined);
    expect(foldLog(p.newAnswers).map((a) => a.rating)).toEqual([2, 1]);
    expect(p.newAnswers.filter((a) => a.rerated)).toHaveLength(1);
  });
});

describe("words", () => {
  it("an explanation does not repeat the verdict", () => {
    expect(withoutVerdict("Right. GET only reads.")).toBe("GET only reads.");
    expect(withoutVerdict("Correct: it is idempotent.")).toBe("it is idempotent.");
    expect(withoutVerdict("Rightly so, it reads.")).toBe("Rightly so, it reads.");
  });
  it("after a limited review, says how many cards are still due and where", () => {
    const p = emptyState();
    const due = (key: string) => (p.cards[key] = { ...rate(undefined, "good", at(0)), due: at(0).toISOString() });
    due("http-basics/get-safe");
    due("http-basics/not-found");
    due("caching-basics/ttl");
    const now = new Date(Date.UTC(2026, 10, 21));
    expect(stillDueMessage(course, p, undefined, now)).toBe("3 more cards are due. Review them with `api-architect review`.");
    expect(stillDueMessage(course, p, "http-basics", now)).toBe(
      "2 more cards are due in this module, and 1 more in other modules. Review them with `api-architect review` (or `api-architect review --module http-basics`).",
    );
  });
});
