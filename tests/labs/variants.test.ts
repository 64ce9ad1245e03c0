// The grader is tested like a grader: every broken variant of the reference server fails
// exactly the checks about its mistake, and every check in the course catches some variant.
import { describe, expect, it } from "vitest";
import { realLabs, runAgainst, startReference } from "./harness.js";
import { variants, type Variant } from "./variants.js";

async function failingChecks(v: Variant): Promise<string[]> {
  const ref = await startReference(v.before);
  try {
    const failed: string[] = [];
    // One map for the whole pass: lab 06 judges the answers labs 01 and 02 got, as in
    // "the responses the other checks saw".
    const replays = new Map();
    for (const lab of realLabs()) {
      const run = await runAgainst(ref.url, lab, { replays });
      if (run.setupFailure) failed.push(`${lab.id}/(setup)`);
      if (run.stopped) failed.push(`${lab.id}/(stopped)`);
      for (const r of run.results) if (!r.passed) failed.push(`${lab.id}/${r.id}`);
    }
    return failed.sort();
  } finally {
    await ref.close();
  }
}

describe("broken variants of the reference server", () => {
  const all = variants();

  it("every check in the course is the target of at least one variant", () => {
    const targeted = new Set(all.flatMap((v) => v.fails));
    const checks = realLabs().flatMap((l) => l.checks.map((c) => `${l.id}/${c.id}`));
    expect(checks.filter((c) => !targeted.has(c))).toEqual([]);
    // And no variant names a check that does not exist.
    expect([...targeted].filter((t) => !checks.includes(t))).toEqual([]);
  });

  it("each variant fails exactly the checks about its mistake", { timeout: 600_000 }, async () => {
    const results: { name: string; expected: string[]; actual: string[] }[] = [];
    const queue = [...all];
    // A few servers at a time: each run is mostly waiting on loopback sockets.
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let v = queue.shift(); v; v = queue.shift()) {
          results.push({ name: v.name, expected: [...v.fails, ...(v.alsoCaughtBy ?? [])].sort(), actual: await failingChecks(v) });
        }
      }),
    );
    const wrong = results.filter((r) => JSON.stringify(r.expected) !== JSON.stringify(r.actual));
    expect(wrong).toEqual([]);
  });
});
