// The contract check: Encore's http examples must name real operations and carry valid bodies.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkHttpExample, loadContract, parseHttpExample } from "../../src/content/contract.js";
import { parseInfo, type Problem } from "../../src/content/markdown.js";
import { loadCourseFrom } from "../../src/content/loader.js";
import { validateOpenApi } from "../../src/content/openapi-doc.js";
import { cleanup, cli, ROOT, tempDir, testEnv } from "../helpers.js";

const dir = join(ROOT, "tests", "fixtures", "contract");
const contract = loadContract(parse(readFileSync(join(dir, "encore", "openapi.yaml"), "utf8")));
const ID = "0193a5c2-7b1e-7c4e-9a51-2f7d3c8e1a40";

function check(code: string, info = "http"): string[] {
  const problems: Problem[] = [];
  checkHttpExample(contract, code, parseInfo(info), 10, problems);
  return problems.map((p) => `${p.line}: ${p.message}`);
}

describe("http examples against the contract", () => {
  it("splits a block into requests and responses with headers and bodies", () => {
    const m = parseHttpExample(`POST /v1/shows HTTP/1.1\nContent-Type: application/json\n\n{ "title": "A" }\n\nHTTP/1.1 201 Created\nLocation: /v1/shows/x\n\n{}`, 1);
    expect(m.map((x) => [x.kind, x.method ?? x.status, x.body])).toEqual([
      ["request", "POST", '{ "title": "A" }'],
      ["response", 201, "{}"],
    ]);
    expect(m[1]!.headers.get("location")).toBe("/v1/shows/x");
  });

  it("accepts a request and response that follow the contract", () => {
    expect(check(`GET /v1/shows/${ID} HTTP/1.1\n\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{ "id": "${ID}", "title": "A", "status": "on-sale" }`)).toEqual([]);
  });

  it("reports an operation the contract does not have, naming the methods it does", () => {
    expect(check(`DELETE /v1/shows/${ID} HTTP/1.1`)).toEqual([`10: DELETE /v1/shows/${ID} is not in the Encore contract (that path has GET)`]);
    expect(check("GET /v1/venues HTTP/1.1")[0]).toMatch(/GET \/v1\/venues is not in the Encore contract$/);
  });

  it("reports path and query parameters that break their schemas, and unknown query parameters", () => {
    expect(check("GET /v1/shows/42 HTTP/1.1")[0]).toMatch(/getShow: path parameter showId="42": .*must match format "uuid"/);
    expect(check("GET /v1/shows?page_size=20 HTTP/1.1")[0]).toMatch(/listShows has no query parameter "page_size" \(it has limit, status\)/);
    expect(check("GET /v1/shows?status=on_sale HTTP/1.1")[0]).toMatch(/query parameter status="on_sale".*draft, on-sale, sold-out/);
    expect(check("GET /v1/shows?limit=500 HTTP/1.1")[0]).toMatch(/limit="500".*must be <= 100/);
  });

  it("skips placeholders in paths and queries", () => {
    expect(check("GET /v1/shows/{showId} HTTP/1.1")).toEqual([]);
    expect(check("GET /v1/shows/0193a5c2-… HTTP/1.1")).toEqual([]);
  });

  it("validates bodies: stray fields, wrong enum values, wrong media types, broken JSON", () => {
    expect(check(`POST /v1/shows HTTP/1.1\nContent-Type: application/json\n\n{ "title": "A", "venue_id": 3 }`)[0]).toMatch(/13: createShow: the request body does not match the contract: .*additional properties "venue_id"/);
    expect(check(`GET /v1/shows/${ID} HTTP/1.1\n\nHTTP/1.1 200 OK\n\n{ "id": "${ID}", "title": "A", "status": "on_sale" }`)[0]).toMatch(/\/status must be equal to one of the allowed values \(draft, on-sale, sold-out\)/);
    expect(check(`GET /v1/shows/${ID} HTTP/1.1\n\nHTTP/1.1 404 Not Found\nContent-Type: application/json\n\n{}`)[0]).toMatch(/getShow: the contract's response 404 is application\/problem\+json, not application\/json/);
    expect(check(`POST /v1/shows HTTP/1.1\n\n{ "title": … }`)[0]).toMatch(/the request body is not valid JSON/);
  });

  it("does not hold a request to the contract when the example answers it as invalid", () => {
    expect(check(`POST /v1/shows HTTP/1.1\n\n{ "title": "" , "extra": 1 }\n\nHTTP/1.1 422 Unprocessable Content\nContent-Type: application/problem+json\n\n{ "type": "x", "title": "Invalid", "status": 422 }`)).toEqual([]);
    expect(check(`GET /v1/shows?limit=500 HTTP/1.1\n\nHTTP/1.1 400 Bad Request\nContent-Type: application/problem+json\n\n{ "type": "x", "title": "Bad", "status": 400 }`)[0]).toMatch(/listShows has no 400 response/);
  });

  it("follows $ref'd responses and reports statuses the operation cannot return", () => {
    expect(check(`POST /v1/shows HTTP/1.1\n\n{ "title": "A" }\n\nHTTP/1.1 422 Unprocessable Content\nContent-Type: application/problem+json\n\n{ "type": "x", "title": "Invalid", "status": 422, "errors": [{ "detail": "empty", "pointer": "#/title" }] }`)).toEqual([]);
    expect(check(`POST /v1/shows HTTP/1.1\n\n{ "title": "A" }\n\nHTTP/1.1 422 Unprocessable Content\nContent-Type: application/problem+json\n\n{ "type": "x", "title": "Invalid", "status": 422, "errors": [{ "field": "title" }] }`)[0]).toMatch(/\/errors\/0 must have required property 'detail'/);
    expect(check(`GET /v1/shows/${ID} HTTP/1.1\n\nHTTP/1.1 409 Conflict`)[0]).toMatch(/getShow has no 409 response in the contract \(it has 200, 404\)/);
  });

  it("checks response-only blocks through operation=, and asks for it when a JSON body has no request", () => {
    expect(check(`HTTP/1.1 200 OK\n\n{ "data": [], "nextCursor": null }`, "http operation=listShows")).toEqual([]);
    expect(check(`HTTP/1.1 200 OK\n\n{ "data": {}, "nextCursor": null }`, "http operation=listShows")[0]).toMatch(/\/data must be array/);
    expect(check(`HTTP/1.1 200 OK\n\n{ "ok": true }`)[0]).toMatch(/must name its operation/);
    expect(check(`HTTP/1.1 200 OK\n\n{}`, "http operation=nope")[0]).toMatch(/operation=nope is not an operationId/);
  });

  it("skips counter-examples and other systems, but flags Encore resources without /v1", () => {
    expect(check("GET /shows/42 HTTP/1.1", "http counterexample")).toEqual([]);
    expect(check("GET https://idp.example/authorize?client_id=x HTTP/1.1")).toEqual([]);
    expect(check("GET /authorize?response_type=code HTTP/1.1")).toEqual([]);
    expect(check("GET /shows/42 HTTP/1.1")[0]).toMatch(/Encore's resources live under \/v1/);
    expect(check(`GET https://api.encore.example/v1/shows/${ID} HTTP/1.1`)).toEqual([]);
  });
});

describe("fence info strings", () => {
  it("reads the counterexample flag and operation=", () => {
    expect(parseInfo("http counterexample")).toMatchObject({ lang: "http", counterexample: true, problems: [] });
    expect(parseInfo('http operation=getShow title="A 404"')).toMatchObject({ operation: "getShow", title: "A 404", problems: [] });
    expect(parseInfo("http bogus").problems[0]).toMatch(/unknown code flag "bogus"/);
  });
});

describe("a course with a contract, a reference page and style rules", () => {
  it("loads the fixture clean, with the reference page and the quiz's four-stack code", () => {
    const { course, problems, warnings, lint } = loadCourseFrom(dir);
    expect(problems).toEqual([]);
    expect(lint).toEqual([]);
    expect(warnings).toEqual([]);
    expect(course!.references.map((r) => [r.id, r.sections.map((s) => s.id)])).toEqual([["encore", ["resources", "errors"]]]);
    expect(course!.contract).toBe("encore/openapi.yaml");
    expect(course!.modules[0]!.quiz[0]!.code).toMatch(/```python/);
  });

  it("the fixture contract is valid OpenAPI 3.1, and a broken one is reported", async () => {
    expect(await validateOpenApi(join(dir, "encore", "openapi.yaml"))).toEqual([]);
    const tmp = tempDir();
    try {
      const bad = join(tmp, "openapi.yaml");
      writeFileSync(bad, "openapi: 3.1.0\ninfo: { title: X }\npaths:\n  /v1/x:\n    get:\n      responses: { '200': {} }\n");
      const problems = await validateOpenApi(bad);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems[0]).toMatch(/not valid OpenAPI 3.1/);
    } finally {
      cleanup(tmp);
    }
  });

  it("reports wide code, long stack blocks, long sections, malformed quiz code and unknown ref: links", () => {
    const tmp = tempDir();
    try {
      cpSync(dir, tmp, { recursive: true });
      const lesson = join(tmp, "modules", "01-tickets", "lesson.md");
      const long = Array.from({ length: 13 }, (_, i) => `const line${i} = ${i};`).join("\n");
      const words = Array.from({ length: 70 }, () => "word").join(" ");
      writeFileSync(lesson, readFileSync(lesson, "utf8") + `\n## Extra {#extra}\n\n${words}\n\nSee [nothing](ref:encore#nowhere).\n\n\`\`\`ts\n${long}\n\`\`\`\n\n\`\`\`python\nx = "${"y".repeat(80)}"\n\`\`\`\n\n\`\`\`php\n$x = 1;\n\`\`\`\n\n\`\`\`csharp\nvar x = 1;\n\`\`\`\n`);
      const quiz = join(tmp, "modules", "01-tickets", "quiz.yaml");
      writeFileSync(quiz, readFileSync(quiz, "utf8").replace("    code: |\n", "    code: |\n      Some words first.\n\n"));
      const { problems: structural, lint, warnings } = loadCourseFrom(tmp);
      const problems = [...structural, ...lint];
      // A learner can still read a course that breaks only the house standard.
      expect(structural.filter((p) => !/unknown section|holds only fenced/.test(p))).toEqual([]);
      expect(problems).toEqual(expect.arrayContaining([
        expect.stringMatching(/^modules\/01-tickets\/lesson\.md:\d+: typescript block has 13 lines; the course allows 12/),
        expect.stringMatching(/^modules\/01-tickets\/lesson\.md:\d+: code line is 86 columns wide; the course allows 78/),
        expect.stringMatching(/lesson\.md:\d+: link to unknown section "nowhere" of encore/),
        expect.stringMatching(/quiz\.yaml: question missing-check: code: holds only fenced code blocks/),
      ]));
      expect(warnings).toEqual([expect.stringMatching(/lesson\.md:\d+: section has 7\d words of prose; keep it under about 60/)]);
      // validate fails on the standard; a learner reading a lesson is not stopped by it.
      writeFileSync(quiz, readFileSync(join(dir, "modules", "01-tickets", "quiz.yaml"), "utf8"));
      writeFileSync(lesson, readFileSync(lesson, "utf8").replace(/\(ref:encore#nowhere\)/, "(ref:encore)"));
      const env = testEnv(join(tmp, "store"), { API_ARCHITECT_CONTENT: tmp });
      const v = cli(["validate"], env);
      expect(v.status).toBe(1);
      expect(v.stderr).toMatch(/code line is 86 columns wide/);
      expect(v.stderr).toMatch(/warning: .*words of prose/);
      const read = cli(["learn", "1", "--plain"], env);
      expect(read.status).toBe(0);
      expect(read.stdout).toMatch(/Extra/);
    } finally {
      cleanup(tmp);
    }
  });
});

describe("the reference page from the command line", () => {
  it("prints with learn <id> --plain, from a section, and course links say how to open it", async () => {
    const tmp = tempDir();
    try {
      const env = testEnv(tmp, { API_ARCHITECT_CONTENT: dir });
      const all = cli(["learn", "encore", "--plain"], env);
      expect(all.status).toBe(0);
      expect(all.stdout).toMatch(/^Reference · Encore at a glance\nThe one API every example follows\./);
      expect(all.stdout).toMatch(/\nResources\n[\s\S]*\nErrors\n/);
      const one = cli(["learn", "encore", "--section", "errors", "--plain"], env);
      expect(one.stdout).not.toMatch(/\nResources\n/);
      expect(one.stdout).toMatch(/\nErrors\n/);
      const lesson = cli(["learn", "1", "--plain"], env);
      expect(lesson.stdout).toMatch(/the errors \(learn encore --section errors\)/);
      const bad = cli(["learn", "encore", "--section", "errorz", "--plain"], env);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/has no section "errorz"; did you mean "errors"\?/);
    } finally {
      cleanup(tmp);
    }
  });
});
