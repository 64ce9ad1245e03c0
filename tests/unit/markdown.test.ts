import { describe, expect, it } from "vitest";
import { codeGroups, lex, parseInfo, slugify, splitSections, type Problem } from "../../src/content/markdown.js";
import { renderMarkdownText, selectStack } from "../../src/render/markdown.js";
import type { Tokens } from "marked";

const group = ["```ts", "const a = 1;", "```", "", "```python", "a = 1", "```", "", "```php", "$a = 1;", "```", "", "```csharp", "var a = 1;", "```"].join("\n");

describe("fence info strings", () => {
  it("reads the language, the stack it implies and a title", () => {
    expect(parseInfo('ts title="src/app.ts"')).toEqual({ lang: "ts", stack: "typescript", title: "src/app.ts", problems: [] });
    expect(parseInfo("text stack=python")).toEqual({ lang: "text", stack: "python", problems: [] });
    expect(parseInfo("http")).toEqual({ lang: "http", problems: [] });
  });
  it("rejects unknown attributes and stacks", () => {
    expect(parseInfo("ts colour=red").problems).toEqual(['unknown code attribute "colour" (use title=, stack=, operation= or counterexample)']);
    expect(parseInfo("text stack=ruby").problems[0]).toMatch(/unknown stack "ruby"/);
  });
});

describe("sections", () => {
  it("slugifies headings and honours explicit ids", () => {
    expect(slugify("Status codes, by family")).toBe("status-codes-by-family");
    expect(slugify("`PUT` vs `PATCH`")).toBe("put-vs-patch");
    const problems: Problem[] = [];
    const s = splitSections("## One\n\ntext\n\n## Two words {#second}\n\nmore\n", 10, problems);
    expect(s.map((x) => [x.id, x.title, x.line])).toEqual([["one", "One", 10], ["second", "Two words", 14]]);
    expect(problems).toEqual([]);
  });
  it("flags duplicate ids and text before the first section", () => {
    const problems: Problem[] = [];
    splitSections("intro\n\n## A\n\n## A\n", 1, problems);
    expect(problems.map((p) => p.message)).toEqual(["text before the first ## section", 'duplicate section id "a"']);
  });
});

describe("example groups", () => {
  it("accepts a complete group and finds its four blocks", () => {
    const problems: Problem[] = [];
    const { tokens, lines } = lex(group, 1);
    const groups = codeGroups(tokens, lines, problems);
    expect(problems).toEqual([]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.blocks.map((b) => b.stack)).toEqual(["typescript", "python", "php", "csharp"]);
  });
  it("reports a missing stack and a doubled one", () => {
    const problems: Problem[] = [];
    const { tokens, lines } = lex(group.replace("```csharp", "```python"), 1);
    codeGroups(tokens, lines, problems);
    expect(problems.map((p) => p.message)).toEqual([
      "example has no csharp version (every example needs all four stacks)",
      "example has more than one python block",
    ]);
  });
  it("keeps only the chosen stack, and neutral blocks always", () => {
    const { tokens } = lex(`${group}\n\n\`\`\`http\nGET /shows\n\`\`\`\n`, 1);
    const langs = (stack: Parameters<typeof selectStack>[1]) =>
      selectStack(tokens, stack).filter((t) => t.type === "code").map((t) => (t as Tokens.Code).lang);
    expect(langs("python")).toEqual(["python", "http"]);
    expect(langs("all")).toEqual(["ts", "python", "php", "csharp", "http"]);
  });
});

describe("rendering", () => {
  const opts = { width: 40, color: false, stack: "php" as const };
  it("renders plain text without escape codes, wrapped to the width", () => {
    const out = renderMarkdownText(`## Title\n\n${"word ".repeat(30)}\n\n${group}\n`, opts);
    expect(out).not.toContain("\u001b");
    expect(out).toContain("[PHP (Laravel)]");
    expect(out).not.toContain("const a = 1;");
    for (const line of out.split("\n")) expect(line.length).toBeLessThanOrEqual(40);
  });
  it("fits tables into narrow terminals", () => {
    const table = "| Method | What it is for |\n| --- | --- |\n| GET | Reads a resource without changing anything on the server |\n";
    const out = renderMarkdownText(table, { ...opts, width: 36 });
    expect(out).toContain("GET");
    for (const line of out.split("\n")) expect(line.length).toBeLessThanOrEqual(36);
  });
  it("colours when asked", () => {
    const out = renderMarkdownText("Some **bold** text", { ...opts, color: true });
    expect(out).toContain("\u001b[");
  });
});
