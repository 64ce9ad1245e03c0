import { describe, expect, it } from "vitest";
import { loadCourse } from "../../src/content/loader.js";
import { resolveModule, resolveStack, suggest } from "../../src/learn/resolve.js";
import { UsageError } from "../../src/errors.js";
import { FIXTURE } from "../helpers.js";

const course = loadCourse(FIXTURE);
const id = (input: string) => resolveModule(course, input).id;

describe("module ids", () => {
  it("accepts numbers, padded numbers, ids, unique prefixes and words", () => {
    expect(id("1")).toBe("http-basics");
    expect(id("02")).toBe("caching-basics");
    expect(id("caching-basics")).toBe("caching-basics");
    expect(id("HTTP")).toBe("http-basics");
    expect(id("cach")).toBe("caching-basics");
  });
  it("rejects path-like ids without touching the file system", () => {
    expect(() => id("../../etc/passwd")).toThrow(/is not a module id/);
    expect(() => id("modules/01")).toThrow(UsageError);
  });
  it("suggests the nearest id for a typo", () => {
    expect(() => id("cachng")).toThrow('unknown module "cachng"; did you mean "caching-basics"?');
    expect(() => id("zzzzzzzz")).toThrow(/see `api-architect modules`/);
  });
  it("names planned modules as not written yet, and out-of-range numbers", () => {
    expect(() => id("queues")).toThrow(/not written yet/);
    expect(() => id("7")).toThrow("there is no module 7; modules are numbered 1 to 2");
  });
  it("says when a prefix is ambiguous", () => {
    expect(() => id("basics")).toThrow('"basics" could be http-basics or caching-basics; type more of it');
  });
});

describe("stacks", () => {
  it("accepts names and common aliases", () => {
    expect(resolveStack("TS")).toBe("typescript");
    expect(resolveStack("fastapi")).toBe("python");
    expect(resolveStack("laravel")).toBe("php");
    expect(resolveStack("c#")).toBe("csharp");
    expect(resolveStack("all")).toBe("all");
  });
  it("rejects unknown stacks, and 'all' where one stack is needed", () => {
    expect(() => resolveStack("cobol")).toThrow(/unknown stack "cobol"/);
    expect(() => resolveStack("all", false)).toThrow(/use typescript, python, php or csharp/);
  });
  it("suggests nothing when nothing is close", () => {
    expect(suggest("learn", ["learn", "quiz"])).toBe("learn");
    expect(suggest("xyzzy", ["learn", "quiz"])).toBeUndefined();
  });
});
