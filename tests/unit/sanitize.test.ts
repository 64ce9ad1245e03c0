import { describe, expect, it } from "vitest";
import { sanitizeText, visible, type Removed } from "../../src/content/sanitize.js";
import { markdownLimitProblem, yamlLimitProblem } from "../../src/content/limits.js";

describe("sanitizeText", () => {
  const clean = (s: string) => {
    const removed: Removed[] = [];
    return { text: sanitizeText(s, 1, removed), removed };
  };

  it.each([
    ["OSC 52 ended by BEL", "a\u001b]52;c;ZXZpbA==\u0007b", "ab"],
    ["OSC 0 ended by ST", "a\u001b]0;title\u001b\\b", "ab"],
    ["CSI clear and home", "\u001b[2J\u001b[Htext", "text"],
    ["C1 CSI and OSC", "a\u009b31mb\u009d0;t\u009cc", "abc"],
    ["BEL, backspace, DEL", "a\u0007b\u0008c\u007fd", "abcd"],
    ["ESC c (reset)", "a\u001bcb", "ab"],
    ["DCS", "a\u001bPq#0;2;0;0;0\u001b\\b", "ab"],
    ["character references to controls", "a&#27;]0;x&#x07;b &amp; &#65;", "a]0;xb &amp; &#65;"],
  ])("removes %s", (_, input, output) => {
    const r = clean(input);
    expect(r.text).toBe(output);
    expect(r.removed.length).toBeGreaterThan(0);
  });

  it("keeps tabs, line feeds and ordinary Unicode; accepts a BOM and CRLF silently", () => {
    const r = clean("\uFEFFa\tb\r\nc — é ✓\r\n");
    expect(r.text).toBe("a\tb\nc — é ✓\n");
    expect(r.removed).toEqual([]);
  });

  it("never swallows a line break, so line numbers stay right", () => {
    const r = clean("one\n\u001b]0;unterminated\ntwo\u0007\nthree");
    expect(r.text).toBe("one\n\ntwo\nthree");
    expect(r.removed.map((x) => x.line)).toEqual([2, 3]);
  });

  it("visible() shows control characters as escapes", () => {
    expect(visible("a\u001b]0;x\u0007")).toBe("a\\x1b]0;x\\x07");
  });
});

describe("parser limits", () => {
  it("markdown: nesting and block size, fenced code exempt", () => {
    expect(markdownLimitProblem("> > > quote\n\n- a\n  - b\n    - c\n")).toBeUndefined();
    expect(markdownLimitProblem(`${"> ".repeat(17)}x`)?.message).toMatch(/more than 16 levels/);
    expect(markdownLimitProblem(`text\n\n${" ".repeat(40)}- deep`, 10)?.line).toBe(12);
    expect(markdownLimitProblem(`\`\`\`ts\n${" ".repeat(60)}deeply indented code\n\`\`\`\n`)).toBeUndefined();
    expect(markdownLimitProblem(`${"word ".repeat(4000)}\n`)?.message).toMatch(/longer than 8 KiB/);
    expect(markdownLimitProblem(`${"word ".repeat(1500)}\n\n${"word ".repeat(1500)}\n`)).toBeUndefined();
  });

  it("yaml: flow and block nesting, quotes and comments do not count", () => {
    expect(yamlLimitProblem("a:\n  b:\n    - [1, {c: 2}]\n")).toBeUndefined();
    expect(yamlLimitProblem(`a: ${"[".repeat(65)}`)?.message).toMatch(/more than 64 levels/);
    expect(yamlLimitProblem(`a: "${"[".repeat(100)}" # ${"{".repeat(100)}\n`)).toBeUndefined();
    expect(yamlLimitProblem(`${"- ".repeat(70)}x\n`)).toBeDefined();
  });
});
