// `review`: the cards due now, across modules and interleaved, asked like quiz questions.
import chalk from "chalk";
import { dueCards } from "../learn/status.js";
import { nothingDueMessage, stillDueMessage } from "../learn/review.js";
import { backLabel, notice, titleBar } from "./common.js";
import type { Route, ScreenContext } from "./nav.js";
import { askQuestion } from "./quiz.js";
import { ListView } from "./ui/list.js";

export async function reviewScreen(sc: ScreenContext, route: Extract<Route, { to: "review" }>): Promise<void> {
  const cards = dueCards(sc.course, sc.progress(), new Date(), route.module).slice(0, route.limit ?? Infinity);
  if (!cards.length) return notice(sc, "Review", [nothingDueMessage(sc.course, sc.progress())]);
  let right = 0;
  let asked = 0;
  for (const [i, c] of cards.entries()) {
    const m = sc.course.modules.find((x) => x.id === c.question.module)!;
    const result = await askQuestion(sc, c.question, { header: `Review · card ${i + 1} of ${cards.length} · ${m.title}`, source: "review", next: i + 1 < cards.length ? "Next card" : "Done" });
    if (result === "stop") break;
    asked++;
    if (result === "right") right++;
  }
  const more = dueCards(sc.course, sc.progress(), new Date()).length;
  const choice = await sc.ui.show(
    new ListView<"again" | "back">({
      header: titleBar("Review — done"),
      intro: [chalk.bold(`Reviewed ${asked} card${asked === 1 ? "" : "s"}: ${right} right.`), "", stillDueMessage(sc.course, sc.progress(), route.module)],
      items: [...(more ? [{ label: `Review the ${more} still due`, value: "again" as const, key: "r" }] : []), { label: backLabel(sc), value: "back" as const }],
      back: { value: "back", label: backLabel(sc) },
    }),
  );
  if (choice === "again") return reviewScreen(sc, { to: "review" });
}
