// The fixture course's quiz, answered through the screen as a learner would.
import { KEY, type Screen } from "./screen.js";

// The fixture quiz's right answers, by a phrase of the question, and a wrong one for each.
export const RIGHT: [RegExp, string][] = [
  [/Which method is safe/, "GET"],
  [/show 999/, "404"],
  [/What does this return/, '{"id": 7}'],
  [/What does a TTL limit/, "How long a cached entry is used"],
];
export const WRONG: Record<string, string> = { GET: "POST", "404": "500", '{"id": 7}': "A 422 error", "How long a cached entry is used": "How many clients may connect" };

/** Answers the question on screen, rightly or not; a right answer is then rated Good (Enter). */
export async function answer(s: Screen, correctly: boolean) {
  const screen = await s.waitFor(/\n\s*❯ 1\. /);
  const right = RIGHT.find(([q]) => q.test(screen))?.[1];
  if (!right) throw new Error(`unknown question on screen:\n${screen}`);
  await s.choose(correctly ? right : WRONG[right]!);
  if (correctly) {
    await s.waitFor(/Right\.[\s\S]*How sure were you\?/);
    await s.press(KEY.enter);
  } else {
    await s.waitFor("Not quite.");
  }
}
