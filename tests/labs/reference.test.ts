// The reference server passes every check of every lab.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realLabs, runAgainst, startReference, summary, type Running } from "./harness.js";

let ref: Running;
beforeAll(async () => {
  ref = await startReference();
});
afterAll(() => ref.close());

describe("the reference server", () => {
  it("passes every check of every lab", async () => {
    const failures: string[] = [];
    let checks = 0;
    for (const lab of realLabs()) {
      const run = await runAgainst(ref.url, lab);
      checks += run.results.length;
      failures.push(...summary(run));
    }
    expect(failures).toEqual([]);
    expect(checks).toBeGreaterThan(0);
  });
});
