// The commander wiring as a table: what each command line hands to which command.
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli.js";

async function wired(argv: string[]) {
  const calls: [string, unknown[]][] = [];
  const out: string[] = [];
  const io = { stdin: process.stdin, stdout: { write: (s: string) => (out.push(s), true) }, stderr: { write: (s: string) => (out.push(s), true) }, env: { COLUMNS: "80" } } as never;
  const code = await run(argv, { io, invoke: async (name, args) => (calls.push([name, args]), 0) });
  return { code, calls, out: out.join("") };
}

const g = (extra: Record<string, unknown> = {}) => ({ color: true, pager: true, io: expect.anything(), ...extra });

describe("argv → the command and what it receives", () => {
  it.each<[string[], string, unknown[]]>([
    [[], "home", [g()]],
    [["--no-color"], "home", [g({ color: false })]],
    [["learn"], "learn", [undefined, {}, g()]],
    [["learn", "3"], "learn", ["3", {}, g()]],
    [["learn", "security", "--plain", "--section", "5", "-s", "python"], "learn", ["security", { plain: true, section: "5", stack: "python" }, g()]],
    [["--no-pager", "learn", "1", "--plain"], "learn", ["1", { plain: true }, g({ pager: false })]],
    [["quiz", "1", "--missed"], "quiz", ["1", { missed: true }, g()]],
    [["quiz", "--unanswered"], "quiz", [undefined, { unanswered: true }, g()]],
    [["review", "--limit", "5", "--module", "api"], "review", [{ limit: 5, module: "api" }, g()]],
    [["roadmap", "--json"], "roadmap", [{ json: true }, g()]],
    [["roadmap", "mark", "security", "Rate limiting", "done"], "roadmap mark", ["security", "Rate limiting", "done", g()]],
    [["faq", "jwt", "tokens", "--json"], "faq", [["jwt", "tokens"], { json: true }, g()]],
    [["search", "cursor", "pagination", "--limit", "3"], "search", [["cursor", "pagination"], { limit: 3 }, g()]],
    [["explain"], "explain", [[], {}, g()]],
    [["explain", "time", "to", "live", "--json"], "explain", [["time", "to", "live"], { json: true }, g()]],
    [["modules", "--json"], "modules", [{ json: true }, g()]],
    [["progress"], "progress", [{}, g()]],
    [["progress", "export", "out.json"], "progress export", ["out.json", g()]],
    [["progress", "import", "-", "--yes"], "progress import", ["-", { yes: true }, g()]],
    [["progress", "reset", "-y"], "progress reset", [{ yes: true }, g()]],
    [["config", "list"], "config list", [g()]],
    [["config", "get", "stack"], "config get", ["stack", g()]],
    [["config", "set", "stack", "php"], "config set", ["stack", "php", g()]],
    [["validate", "some/dir"], "validate", ["some/dir", g()]],
    [["lab"], "lab", [{}, g()]],
    [["lab", "list", "--json"], "lab list", [{ json: true }, g()]],
    [["lab", "start", "shows", "--starter", "encore", "--force"], "lab start", ["shows", { starter: "encore", force: true }, g()]],
    [["lab", "check", "1", "--check", "a", "--check", "b", "--no-watch", "--timeout", "2"], "lab check", ["1", { check: ["a", "b"], watch: false, timeout: 2 }, g()]],
    [["lab", "hint", "shows", "create-location"], "lab hint", ["shows", "create-location", g()]],
    [["lab", "solution", "shows", "--anyway"], "lab solution", ["shows", { anyway: true }, g()]],
  ])("%j", async (argv, name, args) => {
    const r = await wired(argv);
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([[name, args]]);
  });

  it.each([
    [["learn", "1", "2"], /too many arguments for 'learn'/],
    [["lern"], /unknown command "lern" \(did you mean learn\?\)/],
    [["learn", "--plian"], /unknown option '--plian' \(did you mean --plain\?\)/],
    [["review", "--limit", "0"], /--limit takes a whole number/],
  ])("%j is a usage error and runs nothing", async (argv, message) => {
    let code: number;
    let text = "";
    try {
      const r = await wired(argv);
      code = r.code;
      text = r.out;
      expect(r.calls).toEqual([]);
    } catch (e) {
      code = (e as { exitCode: number }).exitCode;
      text = (e as Error).message;
    }
    expect(code).toBe(2);
    expect(text).toMatch(message);
  });

  it("help and --version print and run nothing", async () => {
    for (const argv of [["--help"], ["help", "learn"], ["learn", "--help"], ["--version"]]) {
      const r = await wired(argv);
      expect(r.code).toBe(0);
      expect(r.calls).toEqual([]);
      expect(r.out.length).toBeGreaterThan(0);
    }
  });
});
