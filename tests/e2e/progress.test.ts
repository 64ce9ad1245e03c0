// Progress a learner can trust and carry: export/import, concurrent writers, killed writers,
// orphaned records, skill marks, and review without a terminal.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BIN, cleanup, cli, tempDir, testEnv } from "../helpers.js";
import { emptyProgress, type Progress } from "../../src/store/schema.js";
import { rate } from "../../src/learn/schedule.js";
import { exportDocument } from "../../src/learn/transfer.js";

let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = tempDir();
  env = testEnv(dir);
});
afterEach(() => cleanup(dir));

const storePath = () => join(dir, "progress.json");
const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 10, day, hour)).toISOString();
/** Times relative to now, so that recall and due dates mean the same whenever the test runs. */
const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

/**
 * A learner who has read module 01 and answered its quiz over the last three days, the latest
 * answer to get-safe wrong (so that card is due and the quiz is weak), and marked a skill.
 */
function sampleProgress(): Progress {
  const p = emptyProgress();
  p.settings.stack = "python";
  p.lessons["http-basics"] = { section: "wrapping-up", updatedAt: ago(3), completedAt: ago(3) };
  p.lessons["caching-basics"] = { section: "stale", updatedAt: ago(1) };
  const answers: [string, boolean, string][] = [["get-safe", true, ago(3)], ["get-safe", false, ago(2)], ["not-found", true, ago(2)], ["read-handler", true, ago(1)]];
  for (const [question, correct, when] of answers) {
    p.answers.push({ module: "http-basics", question, choice: correct ? "right" : "wrong", correct, at: when, rating: correct ? 3 : 1, source: "quiz" });
    const key = `http-basics/${question}`;
    p.cards[key] = rate(p.cards[key], correct ? "good" : "again", new Date(when));
  }
  p.time["http-basics"] = 900;
  p.days = [ago(3), ago(2), ago(1)].map((d) => d.slice(0, 10));
  p.marks.start = { http: { status: "done", at: ago(1) } };
  p.last = { kind: "quiz", module: "http-basics", at: ago(1) };
  return p;
}

function runAsync(args: string[], e = env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: e, stdio: "ignore" });
    child.on("exit", (code) => resolve(code ?? -1));
  });
}

describe("export and import", () => {
  it("round trip into an empty store gives identical progress --json", () => {
    writeFileSync(storePath(), JSON.stringify(sampleProgress()));
    const before = cli(["progress", "--json"], env);
    expect(before.status).toBe(0);
    const exported = cli(["progress", "export"], env);
    expect(exported.status).toBe(0);
    const doc = JSON.parse(exported.stdout);
    expect(doc).toMatchObject({ format: "api-architect-progress", version: 1 });

    const other = tempDir();
    try {
      const otherEnv = testEnv(other);
      const file = join(other, "export.json");
      expect(cli(["progress", "export", file], env).status).toBe(0);
      const imported = cli(["progress", "import", file, "--yes"], otherEnv);
      expect(imported.status).toBe(0);
      expect(imported.stdout).toContain("4 new answers");
      const after = cli(["progress", "--json"], otherEnv);
      const strip = (s: string) => ({ ...JSON.parse(s), stack: null }); // settings stay local
      expect(strip(after.stdout)).toEqual(strip(before.stdout));
      // Importing the same file again changes nothing.
      const again = cli(["progress", "import", file, "--yes"], otherEnv);
      expect(again.stdout).toContain("Nothing to import");
    } finally {
      cleanup(other);
    }
  });

  it.each([
    ["not JSON", "{ nope", /it is not valid JSON/],
    ["another program's JSON", JSON.stringify({ some: "thing" }), /not an api-architect progress export/],
    ["a broken export", JSON.stringify({ format: "api-architect-progress", version: 1, exportedAt: "x", progress: { version: 2, answers: "many" } }), /does not match the export schema/],
  ])("a garbage import (%s) fails clearly and leaves the store byte for byte", (_name, content, message) => {
    writeFileSync(storePath(), JSON.stringify(sampleProgress(), null, 1));
    const before = readFileSync(storePath());
    const file = join(dir, "garbage.json");
    writeFileSync(file, content);
    const r = cli(["progress", "import", file, "--yes"], env);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain("nothing was changed");
    expect(readFileSync(storePath()).equals(before)).toBe(true);
  });

  it("a missing file says so", () => {
    const r = cli(["progress", "import", join(dir, "nope.json"), "--yes"], env);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no such file/);
  });

  it("asks before merging, and refuses to guess without a terminal", () => {
    const file = join(dir, "export.json");
    writeFileSync(file, JSON.stringify(exportDocument(sampleProgress())));
    const r = cli(["progress", "import", file], env);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("would add");
    expect(r.stderr).toMatch(/add --yes/);
    expect(existsSync(storePath()) ? JSON.parse(readFileSync(storePath(), "utf8")).answers : []).toEqual([]);
  });
});

/** Every answer the store holds, as an export sees it. */
function storedAnswers(e = env): { question: string; at: string; choice: string }[] {
  const r = cli(["progress", "export"], e);
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout).progress.answers;
}

// CONCURRENCY_RUNS=20 repeats each start 20 times (the issue asks for 20 clean runs in a row).
const RUNS = Number(process.env.CONCURRENCY_RUNS ?? 1);
const STARTS = {
  "a missing file": () => undefined,
  "a format-1 file": () => ({ version: 1, settings: { stack: "php" }, lessons: {}, answers: [{ module: "http-basics", question: "not-found", choice: "v1", correct: true, at: at(1, 1) }] }),
  "a current file": () => "current" as const,
};

describe("several processes at once", () => {
  it.each(Object.keys(STARTS))("lose no answers when writing to one store concurrently, starting from %s", async (start) => {
    for (let run = 0; run < RUNS; run++) {
      cleanup(dir);
      dir = tempDir();
      env = testEnv(dir);
      const initial = STARTS[start as keyof typeof STARTS]();
      let already = 0;
      if (initial === "current") {
        writeFileSync(join(dir, "seed.json"), JSON.stringify(exportDocument(sampleProgress())));
        expect(cli(["progress", "import", join(dir, "seed.json"), "--yes"], env).status).toBe(0);
        already = 4;
      } else if (initial) {
        writeFileSync(storePath(), JSON.stringify(initial));
        already = 1;
      }
      const processes = 8;
      const each = 5;
      const files = Array.from({ length: processes }, (_, k) => {
        const p = emptyProgress();
        for (let i = 0; i < each; i++) {
          p.answers.push({ module: "http-basics", question: "get-safe", choice: `p${k}-a${i}`, correct: i % 2 === 0, at: at(1 + k, i), rating: 3, source: "quiz" });
        }
        const file = join(dir, `part-${k}.json`);
        writeFileSync(file, JSON.stringify(exportDocument(p)));
        return file;
      });
      // Half of them import, the others answer through `config set` and `roadmap mark`, which
      // write too: every kind of writer meets every other.
      const codes = await Promise.all([
        ...files.map((f) => runAsync(["progress", "import", f, "--yes"])),
        runAsync(["roadmap", "mark", "start", "json", "done"]),
        runAsync(["config", "set", "color", "never"]),
      ]);
      expect(codes).toEqual(Array(processes + 2).fill(0));
      const answers = storedAnswers();
      expect(answers).toHaveLength(processes * each + already);
      expect(new Set(answers.map((a) => `${a.question}/${a.at}/${a.choice}`)).size).toBe(processes * each + already);
      const progress = JSON.parse(cli(["progress", "--json"], env).stdout);
      expect(progress.answers).toBe(processes * each + already);
      expect(JSON.parse(cli(["roadmap", "--json"], env).stdout).stages[0].marks.json).toBe("done");
      expect(cli(["config", "get", "color"], env).stdout.trim()).toBe("never");
      if (initial && initial !== "current") expect(cli(["config", "get", "stack"], env).stdout.trim()).toBe("php");
      expect(readdirSync(dir).filter((f) => f.endsWith(".lock") || f.endsWith(".tmp"))).toEqual([]);
      expect(readdirSync(dir).filter((f) => f.startsWith("answers"))).toHaveLength(1);
    }
  }, 60_000 * Math.max(1, RUNS));
});

describe("a writer killed mid-write", () => {
  it("leaves the old store or the new one, never a broken one", async () => {
    const big = emptyProgress();
    for (let i = 0; i < 40_000; i++) {
      big.answers.push({ module: "http-basics", question: "not-found", choice: `c${i}`, correct: true, at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(), rating: 3, source: "quiz" });
    }
    const file = join(dir, "big.json");
    writeFileSync(file, JSON.stringify(exportDocument(big)));
    writeFileSync(join(dir, "seed.json"), JSON.stringify(exportDocument(sampleProgress())));
    expect(cli(["progress", "import", join(dir, "seed.json"), "--yes"], env).status).toBe(0);
    for (let round = 0; round < 6; round++) {
      const child = spawn(process.execPath, [BIN, "progress", "import", file, "--yes"], { env, stdio: "ignore" });
      // Listen before killing, so an exit that comes first is not missed.
      const exited = new Promise((r) => child.on("exit", r));
      await new Promise((r) => setTimeout(r, 150 + round * 60));
      child.kill("SIGKILL");
      await exited;
      const data = JSON.parse(cli(["progress", "--json"], env).stdout); // throws if torn
      expect([4, 40_004]).toContain(data.answers);
      expect(storedAnswers().length).toBe(data.answers);
    }
  }, 60_000);
});

describe("content that changed under the learner", () => {
  it("keeps orphaned records, ignores them in every figure, and counts them", () => {
    const p = sampleProgress();
    p.answers.push({ module: "http-basics", question: "retired-question", choice: "x", correct: false, at: ago(1), rating: 1, source: "quiz" });
    p.answers.push({ module: "old-module", question: "q", choice: "x", correct: true, at: ago(1), rating: 3, source: "quiz" });
    p.cards["old-module/q"] = rate(undefined, "good", new Date(ago(1)));
    p.lessons["old-module"] = { section: "gone", updatedAt: ago(1) };
    p.marks.start = { ...p.marks.start, "retired-skill": { status: "learning", at: ago(1) } };
    writeFileSync(storePath(), JSON.stringify(p));
    const data = JSON.parse(cli(["progress", "--json"], env).stdout);
    expect(data.orphans).toEqual({ answers: 2, cards: 1, lessons: 1, marks: 1 });
    expect(data.answers).toBe(4);
    expect(data.mostMissed.map((m: { question: string }) => m.question)).toEqual(["get-safe"]);
    expect(JSON.parse(readFileSync(storePath(), "utf8")).answers).toHaveLength(6);
  });
});

describe("roadmap marks and recommendations", () => {
  it("marks a skill, shows it apart from the evidence, and clears it", () => {
    expect(cli(["roadmap", "mark", "start", "json", "skip"], env).stdout).toContain('Marked "JSON" (stage 1) as skip');
    const data = JSON.parse(cli(["roadmap", "--json"], env).stdout);
    expect(data.stages[0].marks).toEqual({ http: null, json: "skip" });
    expect(data.stages[0].state).toBe("current"); // skipped is not done
    expect(cli(["roadmap"], env).stdout).toContain("JSON [– skipped]");
    expect(cli(["roadmap", "mark", "1", "json", "clear"], env).status).toBe(0);
    expect(JSON.parse(cli(["roadmap", "--json"], env).stdout).stages[0].marks.json).toBeNull();
  });
  it.each([
    [["roadmap", "mark", "nowhere", "json", "done"], /unknown stage "nowhere"/],
    [["roadmap", "mark", "start", "cobol", "done"], /has no skill "cobol"/],
    [["roadmap", "mark", "start", "json", "finished"], /not a mark/],
  ])("rejects %j with exit 2", (args, message) => {
    const r = cli(args, env);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
  it("recommends due reviews, the next module and the weakest quiz", () => {
    writeFileSync(storePath(), JSON.stringify(sampleProgress()));
    const data = JSON.parse(cli(["roadmap", "--json"], env).stdout);
    expect(data.masteryThreshold).toBe(70);
    expect(data.recommendations.map((r: { kind: string }) => r.kind)).toEqual(["review", "read", "quiz"]);
    expect(data.recommendations[1].module).toBe("caching-basics");
    expect(data.recommendations[2].module).toBe("http-basics");
    expect(data.stages[0].modules[0].mastery).toBeLessThan(70);
    const progress = JSON.parse(cli(["progress", "--json"], env).stdout);
    // New cards pass through short learning steps (minutes), so all three are due a day later.
    expect(progress).toMatchObject({ streak: 3, activeDays: 3, due: 3 });
    expect(progress.perModule[0]).toMatchObject({ id: "http-basics", seconds: 900, quizCorrect: 2 });
  });
});

describe("review without a terminal", () => {
  it("says when the next card is due when nothing is due", () => {
    expect(cli(["review"], env).stdout).toMatch(/No cards yet/);
    const p = emptyProgress();
    p.cards["http-basics/get-safe"] = { ...rate(undefined, "good", new Date()), due: new Date(Date.now() + 3 * 3600_000).toISOString() };
    writeFileSync(storePath(), JSON.stringify(p));
    const r = cli(["review"], env);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Nothing is due for review\. The next card is due in 3 hours/);
  });
  it("needs a terminal when cards are due", () => {
    writeFileSync(storePath(), JSON.stringify(sampleProgress()));
    const r = cli(["review"], env);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/needs an interactive terminal/);
    expect(JSON.parse(cli(["progress", "--json"], env).stdout).due).toBeGreaterThan(0);
  });
  it("rejects a bad --limit and an unknown --module", () => {
    expect(cli(["review", "--limit", "0"], env).stderr).toMatch(/--limit takes a whole number/);
    expect(cli(["review", "--module", "nope"], env).status).toBe(2);
  });
});
