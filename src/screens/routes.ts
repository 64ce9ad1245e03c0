// The table of screens, each loaded when first opened, and the navigator that opens them.
import type { Context } from "../context.js";
import { installSignalHandlers } from "../lifecycle.js";
import type { Navigator, Route, Screen, ScreenContext } from "./nav.js";
import { Ui } from "./ui/session.js";

type Loader<K extends Route["to"]> = () => Promise<Screen<Extract<Route, { to: K }>>>;

const SCREENS: { [K in Route["to"]]: Loader<K> } = {
  home: () => import("./home.js").then((m) => m.homeScreen),
  welcome: () => import("./home.js").then((m) => m.welcomeScreen),
  lesson: () => import("./reader.js").then((m) => m.readerScreen),
  quiz: () => import("./quiz.js").then((m) => m.quizScreen),
  question: () => import("./quiz.js").then((m) => m.questionScreen),
  review: () => import("./review.js").then((m) => m.reviewScreen),
  search: () => import("./search.js").then((m) => m.searchScreen),
  faq: () => import("./faq.js").then((m) => m.faqScreen),
  "faq-entry": () => import("./faq.js").then((m) => m.faqEntryScreen),
  term: () => import("./documents.js").then((m) => m.termScreen),
  glossary: () => import("./documents.js").then((m) => m.glossaryScreen),
  roadmap: () => import("./documents.js").then((m) => m.roadmapScreen),
  progress: () => import("./documents.js").then((m) => m.progressScreen),
  text: () => import("./documents.js").then((m) => m.textScreen),
  link: () => import("./documents.js").then((m) => m.linkScreen),
  settings: () => import("./settings.js").then((m) => m.settingsScreen),
  labs: () => import("./labs.js").then((m) => m.labsScreen),
  modules: () => import("./modules.js").then((m) => m.modulesScreen),
};

class Nav implements Navigator {
  private depth = 0;
  sc!: ScreenContext;

  get backWord(): "back" | "quit" {
    return this.depth <= 1 ? "quit" : "back";
  }

  async open(route: Route): Promise<void> {
    const screen = (await SCREENS[route.to]()) as Screen;
    this.depth++;
    try {
      await screen(this.sc, route);
    } finally {
      this.depth--;
    }
  }
}

/**
 * Runs a command's screens on the full screen, starting at `route`. The terminal is given back
 * however it ends (done, Ctrl+C, an error).
 */
export async function runScreens(ctx: Context, route: Route, hint: string, opts: { welcome?: boolean } = {}): Promise<void> {
  const ui = new Ui(ctx.term);
  ui.start(hint);
  installSignalHandlers();
  const nav = new Nav();
  const sc: ScreenContext = { ...ctx, ui, nav };
  nav.sc = sc;
  try {
    // The first time, the welcome page asks for a stack; quitting there quits.
    if (opts.welcome && !ctx.settings().stack) {
      await nav.open({ to: "welcome" });
      if (!ctx.settings().stack) return;
    }
    await nav.open(route);
  } finally {
    ui.stop();
  }
}
