import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { loadCourse, loadCourseFrom } from "../../src/content/loader.js";
import { ContentError } from "../../src/errors.js";
import { BROKEN, FIXTURE } from "../helpers.js";

describe("loading a course", () => {
  it("reads the fixture course into modules, sections, quizzes, FAQ and stages", () => {
    const course = loadCourse(FIXTURE);
    expect(course.modules.map((m) => m.id)).toEqual(["http-basics", "caching-basics"]);
    const [http] = course.modules;
    expect(http!.sections.map((s) => s.id)).toEqual(["requests", "handler", "wrapping-up"]);
    expect(http!.sections[1]!.title).toBe("A handler");
    expect(http!.quiz.map((q) => q.id)).toEqual(["get-safe", "not-found", "read-handler"]);
    expect(http!.quiz[0]!.options.filter((o) => o.correct)).toHaveLength(1);
    expect(course.faq.map((f) => f.id)).toEqual(["why-http", "what-is-ttl"]);
    expect(course.stages.map((s) => s.id)).toEqual(["start", "scale"]);
    expect(course.planned).toEqual([{ id: "queues", title: "Queues", stage: "scale" }]);
  });

  it("reports YAML syntax errors with file and line", () => {
    const { problems } = loadCourseFrom(join(BROKEN, "bad-yaml"));
    expect(problems).toEqual([expect.stringMatching(/^modules\/01-http-basics\/quiz\.yaml:17: invalid YAML/)]);
  });

  it("reports every schema problem at once, each at its key's line", () => {
    const { problems } = loadCourseFrom(join(BROKEN, "bad-schema"));
    expect(problems).toContain("modules/01-http-basics/quiz.yaml:6: questions.0.options: must have exactly four options");
    expect(problems).toContain("modules/01-http-basics/quiz.yaml:6: questions.0.options: exactly one option must have correct: true");
    expect(problems).toContain("modules/01-http-basics/quiz.yaml:14: questions.1.id: must be lowercase kebab-case (a-z, 0-9, -)");
    expect(problems.some((p) => p.startsWith("modules/01-http-basics/quiz.yaml:15: questions.1.type"))).toBe(true);
  });

  it("reports lesson problems: stray text, incomplete example groups, bad stage, dangling links", () => {
    const { problems } = loadCourseFrom(join(BROKEN, "bad-lesson"));
    expect(problems).toEqual([
      "modules/01-http-basics/lesson.md:13: text before the first ## section",
      "modules/01-http-basics/lesson.md:31: example has no csharp version (every example needs all four stacks)",
      'modules/01-http-basics/lesson.md:5: stage "nowhere" is not in roadmap.yaml',
      'modules/01-http-basics/lesson.md:57: link to unknown FAQ entry "no-such-entry"',
    ]);
  });

  it("throws a ContentError listing every problem", () => {
    expect(() => loadCourse(join(BROKEN, "bad-lesson"))).toThrow(ContentError);
    expect(() => loadCourse(join(BROKEN, "bad-lesson"))).toThrow(/4 problems/);
  });

  it("says so when the folder does not exist", () => {
    expect(loadCourseFrom(join(BROKEN, "nope")).problems[0]).toMatch(/not a course folder/);
  });
});
