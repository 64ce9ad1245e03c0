// The watch loop of `lab check` in a real pseudo-terminal, read through a terminal emulator
// at 80×24: Enter runs the checks again, h shows the first failing check's hint, q quits.
import { Terminal } from "@xterm/headless";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cleanup, REAL_CONTENT, tempDir, testEnv } from "../helpers.js";
import { KEY, Session } from "../pty.js";
import { startReference, type Running } from "../labs/harness.js";
import { variants } from "../labs/variants.js";

/** What a person sees: the pty's output drawn by xterm, row by row. */
class Screen {
  readonly term: Terminal;
  constructor(session: Session, cols: number, rows: number) {
    this.term = new Terminal({ cols, rows, allowProposedApi: true });
    let fed = 0;
    const pump = setInterval(() => {
      if (session.raw.length > fed) {
        this.term.write(session.raw.slice(fed));
        fed = session.raw.length;
      }
    }, 10);
    session.exited.finally(() => clearInterval(pump));
  }
  async text(): Promise<string> {
    await new Promise((r) => setTimeout(r, 50));
    await new Promise<void>((r) => this.term.write("", r));
    const b = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < this.term.rows; i++) lines.push(b.getLine(b.viewportY + i)?.translateToString(true) ?? "");
    return lines.join("\n");
  }
}

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
let s: Session | undefined;
beforeEach(() => {
  dir = tempDir();
  env = testEnv(dir, { API_ARCHITECT_CONTENT: REAL_CONTENT, API_ARCHITECT_LAB_SEED: "watch" });
});
afterEach(() => {
  s?.kill();
  cleanup(dir);
});

describe("lab check on a terminal", () => {
  it("stays open: h shows the hint of the first failing check, Enter re-runs, q quits with the result", async () => {
    s = new Session(["lab", "check", "shows", "--base-url", broken.url.href, "--check", "create-location,unknown-show-404"], env, 80, 24);
    const screen = new Screen(s, 80, 24);
    await s.waitFor("Enter: check again · h: hint for the first failing check · q: quit");
    let view = await screen.text();
    expect(view).toContain("1 of 2 checks pass");
    expect(view.split("\n").every((l) => l.length <= 80)).toBe(true);

    await s.press("h");
    await s.waitFor("This course's contract requires a Location header");
    view = await screen.text();
    expect(view).toContain("Taught in: api-architect learn 1 --section status-2xx-3xx");

    await s.press(KEY.enter);
    await s.waitFor("1 of 2 checks pass");
    await s.waitFor("Enter: check again");
    view = await screen.text();
    // The screen was cleared for the new run: the hint is gone, the new result is there.
    expect(view).toContain("1 of 2 checks pass");
    expect(view).not.toContain("This course's contract requires");
    expect(s.raw).toContain("\u001b[2J");

    await s.press("q");
    expect(await s.exited).toBe(1);
  });

  it("when everything passes, h says so and q exits 0; Ctrl+C exits 130", async () => {
    s = new Session(["lab", "check", "health", "--base-url", working.url.href], env, 60, 24);
    const screen = new Screen(s, 60, 24);
    await s.waitFor("q: quit");
    expect(await screen.text()).toContain("4 of 4 checks pass.");
    await s.press("h");
    await s.waitFor("Every check passes");
    await s.press("q");
    expect(await s.exited).toBe(0);

    s = new Session(["lab", "check", "health", "--base-url", working.url.href], env, 60, 24);
    await s.waitFor("q: quit");
    await s.press(KEY.ctrlC);
    expect(await s.exited).toBe(130);
  });

  it("--no-watch exits after one run, also on a terminal", async () => {
    s = new Session(["lab", "check", "health", "--base-url", working.url.href, "--no-watch"], env, 80, 24);
    expect(await s.exited).toBe(0);
    expect(s.text).toContain("4 of 4 checks pass.");
    expect(s.text).not.toContain("q: quit");
  });

  it("`lab` on a terminal is a menu: pick a lab, read what to build, check the server, come back", async () => {
    s = new Session(["lab"], env, 100, 40);
    let screen = await s.waitFor("Labs: build Encore in your stack");
    await s.choose(screen, "Health: probes an orchestrator can trust");
    screen = await s.waitFor("What to build");
    await s.choose(screen, "What to build");
    screen = await s.waitFor("What is checked (4 checks)");
    await s.choose(screen, "Back");
    screen = await s.waitFor("Reference solution (after a pass)");
    await s.choose(screen, "Reference solution");
    screen = await s.waitFor("opens once every check passes");
    await s.choose(screen, "Back");
    screen = await s.waitFor("Hint for a check");
    await s.choose(screen, "Back");
    screen = await s.waitFor("Labs: build Encore in your stack");
    await s.choose(screen, "Back");
    expect(await s.exited).toBe(0);
  });
});
