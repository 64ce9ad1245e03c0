// What `review` says about the cards: when the next one is due, how many are left. Pure.
import type { Course } from "../content/model.js";
import type { StoredState as Progress } from "../store/schema.js";
import { dueCards, nextDue } from "./status.js";

/** "in 3 hours", "in 2 days", "now". */
export function fromNow(iso: string, now = new Date()): string {
  const minutes = Math.round((new Date(iso).getTime() - now.getTime()) / 60_000);
  if (minutes <= 0) return "now";
  if (minutes < 60) return `in ${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `in ${hours} hour${hours === 1 ? "" : "s"}`;
  const days = Math.round(hours / 24);
  return `in ${days} days`;
}

export function nothingDueMessage(course: Course, p: Progress, now = new Date()): string {
  const next = nextDue(course, p);
  return next
    ? `Nothing is due for review. The next card is due ${fromNow(next, now)} (${new Date(next).toLocaleString()}).`
    : "No cards yet: every quiz question you answer becomes a card to review. Start with `api-architect quiz`.";
}

/**
 * After a review: what is still due, and how to review it. A session limited by --limit or
 * --module says how many cards it left, instead of "nothing is due".
 */
export function stillDueMessage(course: Course, p: Progress, moduleId: string | undefined, now = new Date()): string {
  const all = dueCards(course, p, now).length;
  const here = moduleId ? dueCards(course, p, now, moduleId).length : all;
  if (!all) return nothingDueMessage(course, p, now);
  const parts: string[] = [];
  if (here) parts.push(`${here} more card${here === 1 ? " is" : "s are"} due${moduleId ? " in this module" : ""}`);
  if (all > here) parts.push(`${all - here} ${here ? "more " : ""}in other modules`);
  const sentence = parts.join(", and ");
  return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}. Review ${all === 1 ? "it" : "them"} with \`api-architect review\`${here && moduleId ? ` (or \`api-architect review --module ${moduleId}\`)` : ""}.`;
}
