// The short path for wrapping plain text must give exactly what fast-wrap-ansi gives.
import { describe, expect, it } from "vitest";
import { wrapAnsi } from "fast-wrap-ansi";
import stringWidth from "fast-string-width";
import { loadCourse } from "../../src/content/loader.js";
import { wrap } from "../../src/render/text.js";
import { REAL_CONTENT } from "../helpers.js";

const ranges = [[0x20, 0x7e], [0xa0, 0xff], [0x2010, 0x2027], [0x2030, 0x205e], [0x2070, 0x209f], [0x2190, 0x21ff], [0x2200, 0x22ff], [0x2500, 0x257f], [0x25a0, 0x25fc]];

describe("wrapping", () => {
  it("treats as one column only characters that are one column and that normalisation leaves alone", () => {
    for (const [a, b] of ranges) {
      for (let c = a!; c <= b!; c++) {
        const ch = String.fromCharCode(c);
        expect(stringWidth(ch), `U+${c.toString(16)}`).toBe(1);
        expect(ch.normalize(), `U+${c.toString(16)}`).toBe(ch);
      }
    }
  });

  it("gives fast-wrap-ansi's output for every line of the course at every width", () => {
    const course = loadCourse(REAL_CONTENT);
    const texts = [
      ...course.modules.flatMap((m) => [m.summary, ...m.objectives, ...m.sections.flatMap((s) => s.markdown.split("\n"))]),
      ...course.faq.flatMap((f) => f.markdown.split("\n")),
      ...course.glossary.map((g) => g.short),
    ];
    let compared = 0;
    for (const width of [2, 7, 33, 40, 80, 100]) {
      for (const t of texts) {
        expect(wrap(t, width), `${JSON.stringify(t)} at ${width}`).toBe(wrapAnsi(t, width, { hard: true }));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(5_000);
  });

  it("gives fast-wrap-ansi's output for awkward spacing and long words", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const alphabet = ["a", "b", " ", " ", "  ", "\n", "—", "…", "│", "x".repeat(25), "-", "\u00a0"];
    for (let i = 0; i < 3_000; i++) {
      const t = Array.from({ length: Math.floor(random() * 30) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      const width = 1 + Math.floor(random() * 30);
      expect(wrap(t, width), `${JSON.stringify(t)} at ${width}`).toBe(wrapAnsi(t, width, { hard: true }));
    }
  });

  it("gives fast-wrap-ansi's output for paragraphs of single-spaced words, the common case", () => {
    let seed = 11;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 3_000; i++) {
      const words = Array.from({ length: 1 + Math.floor(random() * 40) }, () => "w".repeat(1 + Math.floor(random() * 14)));
      const t = words.join(" ") + (random() < 0.1 ? " " : "");
      const width = 1 + Math.floor(random() * 90);
      expect(wrap(t, width), `${JSON.stringify(t)} at ${width}`).toBe(wrapAnsi(t, width, { hard: true }));
    }
  });

  it("leaves text with escape codes or wide characters to fast-wrap-ansi", () => {
    for (const t of ["\u001b[1mbold words\u001b[22m that wrap here and there", "wide 日本語 text that wraps", "emoji 🎉 party time"]) {
      expect(wrap(t, 8)).toBe(wrapAnsi(t, 8, { hard: true }));
    }
  });
});
