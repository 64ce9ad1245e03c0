// The watch loop of `lab check` in a real pseudo-terminal, read through a terminal emulator
// at 80×24: Enter runs the checks again, h shows the first failing check's hint, q quits.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cleanup, REAL_CONTENT, tempDir, testEnv } from "../helpers.js";
import { KEY, Screen } from "../screen.js";
import { startReference, type Running } from "../labs/harness.js";
import { variants } from "../labs/variants.js";

let broken: Running;
let working: Running;
beforeAll(async () => {
  broken = await startReference(variants().find((v) => v.name === "create sends no Location")!.before);
  working = await startReference();
});
afterAll(async () => {
  await broken.close();
  await working.close();
});

let dir: string;
let env: NodeJS.ProcessEnv;
let s: Screen | undefined;
beforeEach(() => {
  dir = tempDir();
  env = testEnv(dir, { API_ARCHITECT_CONTENT: REAL_CONTENT, API_ARCHITECT_LAB_SEED: "watch" });
});
afterEach(() => {
  s?.kill("SIGKILL");
  cleanup(dir);
});

describe("lab check on a terminal", () => {
  it("stays open: h shows the hint of the first failing check, Enter re-runs, q quits with the result", async () => {
    s = new Screen(["lab", "check", "shows", "--base-url", broken.url.href, "--check", "create-location,unknown-show-404"], env, { cols: 80, rows: 24 });
    let view = await s.waitFor("Enter: check again · h: hint for the first failing check · q: quit");
    expect(view).toContain("1 of 2 checks pass");
    // (The curl line to reproduce a check is long on purpose: the terminal wraps it, and copying
    // it gives back one command.)

    await s.press("h");
    view = await s.waitFor("This course's contract requires a Location header");
    expect(view.replace(/\n/g, " ")).toContain("Taught in: api-architect learn 1 --section status-2xx-3xx");

    await s.press(KEY.enter);
    await s.waitForGone("This course's contract requires");
    view = await s.waitFor(/1 of 2 checks pass[\s\S]*Enter: check again/);
    // The screen was cleared for the new run: the hint is gone, the new result is there.
    expect(view).not.toContain("This course's contract requires");
    expect(s.raw).toContain("\u001b[2J");

    await s.press("q");
    expect((await s.exited).code).toBe(1);
  });

  it("when everything passes, h says so and q exits 0; Ctrl+C exits 130", async () => {
    s = new Screen(["lab", "check", "health", "--base-url", working.url.href], env, { cols: 60, rows: 24 });
    expect(await s.waitFor(/q\s*:\s*quit/)).toContain("4 of 4 checks pass.");
    await s.press("h");
    await s.waitFor("Every check passes");
    await s.press("q");
    expect((await s.exited).code).toBe(0);

    s = new Screen(["lab", "check", "health", "--base-url", working.url.href], env, { cols: 60, rows: 24 });
    await s.waitFor(/q\s*:\s*quit/);
    await s.press(KEY.ctrlC);
    expect((await s.exited).code).toBe(130);
  });

  it("--no-watch exits after one run, also on a terminal", async () => {
    s = new Screen(["lab", "check", "health", "--base-url", working.url.href, "--no-watch"], env, { cols: 80, rows: 24 });
    expect((await s.exited).code).toBe(0);
    expect(s.text()).toContain("4 of 4 checks pass.");
    expect(s.text()).not.toContain("q: quit");
  });

  it("`lab` on a terminal is a menu: pick a lab, read what to build, check the server, come back", async () => {
    s = new Screen(["lab"], { ...env, API_ARCHITECT_CONFIG_DIR: dir }, { cols: 100, rows: 40 });
    // The first time, the stack.
    await s.waitFor("Which stack should code examples use?");
    await s.press("1");
    await s.waitFor("Labs: build Encore in your stack");
    expect(s.lines().at(-1)).toContain("q quit");
    await s.choose("Health: probes an orchestrator can trust");
    await s.waitFor("What to build");
    await s.choose("What to build");
    await s.waitFor("What is checked (4 checks)");
    await s.press("q");
    await s.waitFor("Reference solution (after a pass)");
    await s.choose("Reference solution");
    await s.waitFor("opens once every check passes");
    await s.press("q");
    await s.waitFor("Hint for a check");
    // Checking a server that is not running says so and comes back to the lab.
    await s.choose("Check my server");
    await s.waitFor(/Hint for a check/);
    await s.press("q");
    await s.waitFor("Labs: build Encore in your stack");
    await s.press("q");
    expect((await s.exited).code).toBe(0);
  });
});
