// `faq <words>`: an id names one answer (the course's links say `faq <id>`); other words find
// every answer that mentions them, the ones whose question, id or tags match first.
import { describe, expect, it } from "vitest";
import { filterFaq } from "../../src/commands/faq.js";
import type { FaqEntry } from "../../src/content/model.js";

const entry = (id: string, question: string, markdown: string, order: number, tags: string[] = []) =>
  ({ id, question, markdown, order, tags }) as unknown as FaqEntry;
const entries = [
  entry("timeouts-and-retries", "How long should a call wait?", "Retry only what is idempotent: an idempotency key makes POST safe.", 0),
  entry("idempotency", "What makes a request safe to retry?", "An idempotency key, stored with the response.", 1, ["retry"]),
  entry("caching", "What is a TTL?", "Nothing about keys here.", 2),
];
const ids = (words: string[]) => filterFaq(entries, words).map((e) => e.id);

describe("choosing FAQ answers", () => {
  it("an id names exactly that answer, however many others mention the word", () => {
    expect(ids(["idempotency"])).toEqual(["idempotency"]);
    expect(ids(["timeouts-and-retries"])).toEqual(["timeouts-and-retries"]);
    expect(ids(["timeouts", "and", "retries"])).toEqual(["timeouts-and-retries"]);
    expect(ids(["IDEMPOTENCY"])).toEqual(["idempotency"]);
  });

  it("other words find every answer that has them all, question, id and tag matches first", () => {
    expect(ids(["idempotency", "key"])).toEqual(["idempotency", "timeouts-and-retries"]);
    expect(ids(["retry"])).toEqual(["idempotency", "timeouts-and-retries"]);
    expect(ids(["key"])).toEqual(["timeouts-and-retries", "idempotency", "caching"]);
    expect(ids([])).toEqual(["timeouts-and-retries", "idempotency", "caching"]);
    expect(ids(["nowhere"])).toEqual([]);
  });
});
