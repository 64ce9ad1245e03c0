// One way for screens to open each other: a screen asks the navigator for a route and gets the
// learner back when that screen is done. Screens never import each other; routes.ts holds the
// table of screens, loaded lazily.
import type { Context } from "../context.js";
import type { FaqEntry, Module, Question } from "../content/model.js";
import type { StackChoice } from "../render/markdown.js";
import type { Ui } from "./ui/session.js";

export type QuizMode = "all" | "missed" | "unanswered";

export type Route =
  | { to: "home" }
  | { to: "welcome" }
  | { to: "lesson"; module: Module; section?: number; stack?: StackChoice; highlight?: string[]; reference?: boolean }
  | { to: "quiz"; module?: Module; mode?: QuizMode }
  | { to: "question"; question: Question }
  | { to: "review"; limit?: number; module?: string }
  | { to: "search"; query?: string }
  | { to: "faq"; entries?: FaqEntry[] }
  | { to: "faq-entry"; entry: FaqEntry; highlight?: string[] }
  | { to: "term"; id: string }
  | { to: "glossary" }
  | { to: "roadmap"; stage?: string }
  | { to: "progress" }
  | { to: "settings" }
  | { to: "labs" }
  | { to: "modules"; purpose: "learn" | "quiz"; mode?: QuizMode }
  | { to: "link"; href: string }
  | { to: "text"; title: string; text: string };

export interface Navigator {
  /** Opens a screen; resolves when the learner leaves it. */
  open(route: Route): Promise<void>;
  /** "quit" for the screen a command started with, "back" for every screen opened from another. */
  readonly backWord: "back" | "quit";
}

/** What a screen gets: the command's context, the full-screen session and the navigator. */
export interface ScreenContext extends Context {
  ui: Ui;
  nav: Navigator;
}

export type Screen<R extends Route = Route> = (sc: ScreenContext, route: R) => Promise<void>;
