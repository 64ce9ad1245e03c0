import { describe, expect, it } from "vitest";
import { decideColor } from "../../src/output.js";

describe("colour decisions", () => {
  it("follows the terminal by default", () => {
    expect(decideColor(true, "auto", {}, true)).toBe(true);
    expect(decideColor(true, "auto", {}, false)).toBe(false);
  });
  it("is off with --no-color, NO_COLOR or TERM=dumb, whatever else says", () => {
    expect(decideColor(false, "always", { FORCE_COLOR: "1" }, true)).toBe(false);
    expect(decideColor(true, "always", { NO_COLOR: "1", FORCE_COLOR: "1" }, true)).toBe(false);
    expect(decideColor(true, "always", { TERM: "dumb" }, true)).toBe(false);
  });
  it("honours the setting and FORCE_COLOR", () => {
    expect(decideColor(true, "never", {}, true)).toBe(false);
    expect(decideColor(true, "always", {}, false)).toBe(true);
    expect(decideColor(true, "auto", { FORCE_COLOR: "1" }, false)).toBe(true);
    expect(decideColor(true, "auto", { FORCE_COLOR: "0" }, true)).toBe(true);
  });
});
