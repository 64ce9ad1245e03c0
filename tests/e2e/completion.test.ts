// Shell completion, in the shells themselves: bash through a real pseudo-terminal (Tab pressed as a
// person would), zsh and fish with their own machinery where the machine has them. The course is
// the real one, whose module 03 is auth-security.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawn } from "@lydell/node-pty";
import xterm from "@xterm/headless";
import { BIN, cleanup, cli, REAL_CONTENT, tempDir, testEnv } from "../helpers.js";

let dir: string;
let env: NodeJS.ProcessEnv;
const has = (shell: string) => spawnSync("sh", ["-c", `command -v ${shell}`]).status === 0;

beforeAll(() => {
  dir = tempDir();
  // `api-architect` on PATH, as a global install puts it.
  const bin = join(dir, "bin");
  mkdirSync(bin);
  writeFileSync(join(bin, "api-architect"), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, "api-architect"), 0o755);
  env = testEnv(dir, { API_ARCHITECT_CONTENT: REAL_CONTENT, PATH: `${bin}:${process.env.PATH}`, HISTFILE: "/dev/null" });
});
afterAll(() => cleanup(dir));

const complete = (...words: string[]) => cli(["__complete", "--", ...words], env).stdout.split("\n").filter(Boolean);

describe("__complete (what every script asks)", () => {
  it("commands, options, module ids and numbers, sections, stacks, FAQ ids, glossary terms, config keys and values, courses", () => {
    expect(complete("le")).toEqual(["learn"]);
    expect(complete("learn", "sec")).toEqual(["auth-security"]);
    expect(complete("learn", "0")).toEqual(["01", "02", "03", "04", "05", "06", "07", "08", "09"]);
    expect(complete("learn", "1")).toEqual(["10", "11"]);
    expect(complete("learn", "3", "--section", "")).toContain("security-by-design");
    expect(complete("quiz", "--st")).toEqual(["--stack"]);
    expect(complete("learn", "1", "--stack", "py")).toEqual(["python"]);
    expect(complete("faq", "idem")).toEqual(["idempotency"]);
    expect(complete("explain", "hate")).toEqual(["hateoas"]);
    expect(complete("config", "set", "")).toEqual(["stack", "color", "lab.baseUrl"]);
    expect(complete("config", "set", "color", "")).toEqual(["auto", "always", "never"]);
    expect(complete("roadmap", "mark", "security", "rate")).toEqual(["rate-limiting"]);
    expect(complete("course", "use", "")).toEqual(["api-architect"]);
    expect(complete("export", "r")).toEqual(["roadmap"]);
    expect(complete("completion", "")).toEqual(["bash", "zsh", "fish"]);
    expect(complete("lab", "start", "")).toContain("shows"); // lab ids, from the compiled course
    expect(complete("course", "add", "")).toEqual(["__files__"]);
    expect(complete("")).not.toContain("__complete"); // hidden
  });

  it("never prints an error, even with no course to read", () => {
    const r = cli(["__complete", "--", "learn", ""], { ...env, API_ARCHITECT_CONTENT: join(dir, "missing") });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
  });

  it("an unknown shell is a usage error", () => {
    expect(cli(["completion", "tcsh"], env).status).toBe(2);
  });
});

describe("bash", () => {
  it("api-architect le<Tab> → learn, and learn sec<Tab> → auth-security, at a real prompt", async () => {
    const script = join(dir, "completion.bash");
    writeFileSync(script, cli(["completion", "bash"], env).stdout);
    const pty = spawn("bash", ["--norc", "--noprofile", "-i"], { cols: 100, rows: 20, env: { ...(env as Record<string, string>), PS1: "$ " } });
    // The screen as a terminal shows it (bash redraws the line with control sequences).
    const term = new xterm.Terminal({ cols: 100, rows: 20, allowProposedApi: true });
    pty.onData((d) => term.write(d));
    const screen = () => {
      const b = term.buffer.active;
      return Array.from({ length: b.length }, (_, i) => b.getLine(i)?.translateToString(true) ?? "").join("\n");
    };
    const waitFor = async (pattern: RegExp) => {
      for (let i = 0; i < 300; i++) {
        if (pattern.test(screen())) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`timed out waiting for ${pattern}; screen:\n${screen()}`);
    };
    try {
      pty.write(`source ${script}\r`);
      await waitFor(/\$ $/m);
      pty.write("api-architect le\t");
      await waitFor(/^\$ api-architect learn\s*$/m);
      pty.write("\u0003"); // Ctrl+C: a fresh prompt
      await waitFor(/\^C\s*\n\$\s*$/m);
      pty.write("api-architect learn sec\t");
      await waitFor(/^\$ api-architect learn auth-security\s*$/m);
    } finally {
      pty.kill();
    }
  }, 30_000);

  it("the script passes bash -n", () => {
    const r = spawnSync("bash", ["-n"], { input: cli(["completion", "bash"], env).stdout });
    expect(r.status).toBe(0);
  });
});

describe.skipIf(!has("zsh"))("zsh", () => {
  it("loads, registers with compdef, and offers the candidates", () => {
    const script = cli(["completion", "zsh"], env).stdout;
    expect(spawnSync("zsh", ["-n"], { input: script }).status).toBe(0);
    const file = join(dir, "completion.zsh");
    writeFileSync(file, script);
    // compinit for real, then the widget's body with compadd recording what it is given.
    const run = (words: string) =>
      spawnSync("zsh", ["-f", "-c", `autoload -Uz compinit && compinit -u -d ${dir}/zcompdump && source ${file} && print -r -- "registered:\${_comps[api-architect]}" && compadd() { shift 2; print -l -- "$@" } && words=(${words}) && CURRENT=\${#words} && _api_architect`], { env, encoding: "utf8" });
    const le = run("api-architect le");
    expect(le.stdout).toContain("registered:_api_architect");
    expect(le.stdout.split("\n")).toContain("learn");
    expect(run("api-architect learn sec").stdout.split("\n")).toContain("auth-security");
  });
});

describe.skipIf(!has("fish"))("fish", () => {
  it("loads, and fish's own completion offers the candidates", () => {
    const script = cli(["completion", "fish"], env).stdout;
    const file = join(dir, "completion.fish");
    writeFileSync(file, script);
    expect(spawnSync("fish", ["--no-execute", file]).status).toBe(0);
    const run = (line: string) => spawnSync("fish", ["--no-config", "-c", `source ${file}; complete -C'${line}'`], { env, encoding: "utf8" }).stdout.split("\n").map((l) => l.split("\t")[0]);
    expect(run("api-architect le")).toContain("learn");
    expect(run("api-architect learn sec")).toContain("auth-security");
  });
});

// Where zsh or fish cannot be installed (CI has neither), the scripts are still checked: the zsh
// one is parsed by bash (its zsh-only expansions sit inside quotes, which bash -n parses), and
// the fish one has its blocks balanced and only fish's own commands at the top level.
describe("the zsh and fish scripts without their shells", () => {
  it("zsh: parses as shell syntax, declares #compdef and registers the function with compdef", () => {
    const script = cli(["completion", "zsh"], env).stdout;
    expect(spawnSync("bash", ["-n"], { input: script }).status).toBe(0);
    expect(script.split("\n")[0]).toBe("#compdef api-architect");
    expect(script).toMatch(/^_api_architect\(\) \{$/m);
    expect(script).toMatch(/compdef _api_architect api-architect/);
    expect(script).toContain("__complete --");
  });

  it("fish: every block is closed, and the completion is registered for the command", () => {
    const script = cli(["completion", "fish"], env).stdout;
    let depth = 0;
    for (const raw of script.split("\n")) {
      const line = raw.trim();
      if (!line || line.startsWith("#")) continue;
      const word = line.split(/\s+/)[0]!;
      if (["function", "if", "for", "while", "switch", "begin"].includes(word)) depth++;
      else if (word === "end") depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
      if (depth === 0 && word !== "end") expect(["function", "complete", "set"]).toContain(word);
    }
    expect(depth).toBe(0);
    expect(script).toMatch(/^complete -c api-architect -f -a '\(__api_architect_complete\)'$/m);
    expect(script).toContain("__complete --");
  });
});
