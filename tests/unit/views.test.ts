// The screens' views without a terminal: what they draw at a size, what keys do.
import { describe, expect, it } from "vitest";
import chalk from "chalk";
import type { Line } from "../../src/render/markdown.js";
import { markdownLayout } from "../../src/render/markdown.js";
import { lex } from "../../src/content/markdown.js";
import { fit, hanging, keyBar } from "../../src/render/text.js";
import { DocView } from "../../src/screens/ui/doc.js";
import type { Key } from "../../src/screens/ui/keys.js";
import { ListView } from "../../src/screens/ui/list.js";

chalk.level = 0;
const key = (name: string, ch?: string): Key => ({ name, ch: ch ?? (name.length === 1 ? name : undefined), ctrl: false, meta: false, shift: false });
const table = `| Code | Meaning |\n| --- | --- |\n${Array.from({ length: 12 }, (_, i) => `| ${200 + i} | meaning number ${i} with words that wrap at a narrow width |`).join("\n")}\n`;
const code = "```ts\n" + Array.from({ length: 12 }, (_, i) => `// line ${i + 1} of some code`).join("\n") + "\nconst aVeryLongName = someFunction(withArguments, thatGoOnAndOn, untilTheLineIsFarTooWide);\n```\n";

function docOf(markdown: string) {
  return (width: number): Line[] => markdownLayout({ width, color: false, stack: "typescript" })(lex(markdown, 1).tokens);
}

function view(markdown: string, extra: Partial<ConstructorParameters<typeof DocView<string>>[0]> = {}) {
  return new DocView<string>({ layout: docOf(markdown), header: () => "HEADER", bar: () => [{ keys: "q", label: "back" }], back: "back", forward: "next", backward: "prev", ...extra });
}

describe("the document view", () => {
  it("draws the header first and the key bar last, exactly one screen tall", () => {
    const v = view(`Intro.\n\n${table}`);
    const { lines } = v.render({ cols: 60, rows: 12 });
    expect(lines).toHaveLength(12);
    expect(lines[0]).toBe("HEADER");
    expect(lines.at(-1)).toBe("q back");
  });

  it("repeats a table's head on a page that starts inside it, without doubling the rule", () => {
    const v = view(table);
    const size = { cols: 40, rows: 12 };
    v.render(size);
    v.key(key("space", " "), size);
    const { lines } = v.render(size);
    expect(lines[2]).toMatch(/Code\s*\|\s*Meaning/);
    expect(lines[3]).toMatch(/^\+-/);
    expect(lines[4]).toMatch(/^\| 2\d\d/); // a row, not a second rule, and the row from its first line
  });

  it("says whose code continues, and marks wrapped code lines", () => {
    const v = view(`${code}`.replace("```ts", '```ts title="app.ts"'));
    const size = { cols: 40, rows: 10 };
    const first = v.render(size).lines.join("\n");
    expect(first).toContain("[TypeScript (Express) · app.ts]");
    v.key(key("space", " "), size);
    const second = v.render(size).lines;
    expect(second[1]).toBe("[TypeScript (Express) · app.ts, continu…");
    expect(second.join("\n")).toMatch(/ {2}const aVeryLongName[^\n]*\n {2}↪ /);
    for (const l of second) expect(l.length).toBeLessThanOrEqual(40);
  });

  it("forward at the end and back at the top finish the view; q goes back", () => {
    const v = view("Short.");
    const size = { cols: 40, rows: 10 };
    v.render(size);
    expect(v.key(key("enter"), size)).toEqual({ done: "next" });
    expect(v.key(key("b"), size)).toEqual({ done: "prev" });
    expect(v.key(key("q"), size)).toEqual({ done: "back" });
    // Page keys stop at the ends instead of leaving.
    expect(v.key(key("pagedown"), size)).toBeUndefined();
  });

  it("keeps the line at the top across a change of width", () => {
    const text = Array.from({ length: 30 }, (_, i) => `Paragraph ${i} says something long enough to wrap differently at forty and at eighty columns wide.`).join("\n\n");
    const v = view(text);
    v.render({ cols: 80, rows: 10 });
    for (let i = 0; i < 7; i++) v.key(key("down"), { cols: 80, rows: 10 });
    const top = v.render({ cols: 80, rows: 10 }).lines[1]!;
    const word = /Paragraph \d+/.exec(top)?.[0] ?? top.split(" ")[0]!;
    const narrow = v.render({ cols: 40, rows: 10 }).lines.slice(1, 3).join(" ");
    expect(narrow).toContain(word.split(" ")[0]!);
  });

  it("opens at the first line a search matched", () => {
    const text = Array.from({ length: 20 }, (_, i) => `Line ${i}.`).join("\n\n") + "\n\nThe needle is here.";
    const v = view(text, { highlight: /needle/gi });
    const { lines } = v.render({ cols: 40, rows: 10 });
    expect(lines.join("\n")).toContain("The needle is here.");
  });
});

describe("the list view", () => {
  const items = [
    { label: "First, a label long enough to wrap onto a second row at thirty columns", value: 1 },
    { separator: true as const },
    { label: "Second", value: 2, key: "s" },
    { label: "Disabled", value: 3, disabled: "not yet" },
  ];
  it("wraps labels with a hanging indent under the text", () => {
    const v = new ListView({ items, numbered: true, back: { value: 0, label: "Back" } });
    const lines = v.render({ cols: 30, rows: 12 }).lines;
    expect(lines[0]).toMatch(/^❯ 1\. First/);
    expect(lines[1]).toMatch(/^ {5}\S/);
    expect(lines.at(-1)).toContain("q back");
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(30);
  });
  it("picks by Enter, by number, by letter; skips disabled items; Esc and q go back", () => {
    const v = new ListView({ items, numbered: true, back: { value: 0, label: "Back" } });
    expect(v.key(key("2"))).toEqual({ done: 2 });
    expect(v.key(key("s"))).toEqual({ done: 2 });
    expect(v.key(key("3"))).toBeUndefined();
    v.key(key("down"));
    v.key(key("down"));
    expect(v.key(key("enter"))).toEqual({ done: 2 });
    expect(v.key(key("escape"))).toEqual({ done: 0 });
    expect(v.key(key("q"))).toEqual({ done: 0 });
  });
});

describe("text helpers", () => {
  it("fit cuts with … and keeps styles balanced", () => {
    expect(fit("abcdef", 4)).toBe("abc…");
    expect(fit("abc", 4)).toBe("abc");
  });
  it("hanging indents continuation lines under the text", () => {
    expect(hanging("one two three four five", "- ", 12)).toEqual(["- one two", "  three four", "  five"]);
  });
  it("keyBar drops the least important keys first", () => {
    const items = [{ keys: "space", label: "next", priority: 5 }, { keys: "j", label: "jump", priority: 1 }, { keys: "q", label: "back", priority: 5 }];
    expect(keyBar(items, 80)).toBe("space next · j jump · q back");
    expect(keyBar(items, 20)).toBe("space next · q back");
  });
});
