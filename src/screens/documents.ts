// Screens that show one document: a glossary term, the glossary, the roadmap, progress, a text,
// and where a link leads.
import { renderTerm } from "../render/glossary.js";
import { textLines } from "../render/lesson.js";
import { progressReport } from "../learn/report.js";
import { recommendations, stageStatuses } from "../learn/status.js";
import { renderProgress } from "../render/progress.js";
import { renderRoadmap } from "../render/roadmap.js";
import { findReference, referenceAsModule } from "../learn/resolve.js";
import { backLabel, followables, notice, showDocument, titleBar } from "./common.js";
import { ListView } from "./ui/list.js";
import type { Route, ScreenContext } from "./nav.js";

const look = (sc: ScreenContext, width: number) => ({ width, color: sc.term.color });

export async function termScreen(sc: ScreenContext, route: Extract<Route, { to: "term" }>): Promise<void> {
  const t = sc.course.glossary.find((x) => x.id === route.id);
  if (!t) return notice(sc, "Glossary", [`The glossary has no entry "${route.id}".`]);
  await showDocument(sc, { title: `Glossary · ${t.term}`, layout: (w) => textLines(renderTerm(sc.course, t, look(sc, w))), links: followables(sc.course, t.links) });
}

/** Every term, with its short definition under the focused one; Enter opens it. */
export async function glossaryScreen(sc: ScreenContext): Promise<void> {
  let last: string | undefined;
  for (;;) {
    const id = await sc.ui.show(
      new ListView<string | null>({
        header: titleBar(`Glossary · ${sc.course.glossary.length} terms`),
        items: sc.course.glossary.map((t) => ({ label: t.term, value: t.id, description: t.short })),
        initial: last,
        back: { value: null, label: backLabel(sc) },
      }),
    );
    if (!id) return;
    last = id;
    await sc.nav.open({ to: "term", id });
  }
}

export async function roadmapScreen(sc: ScreenContext, route: Extract<Route, { to: "roadmap" }>): Promise<void> {
  const stack = sc.settings().stack ?? "typescript";
  const stage = route.stage ? sc.course.stages.find((s) => s.id === route.stage) : undefined;
  await showDocument(sc, {
    title: "Roadmap",
    layout: (w) => textLines(renderRoadmap(stageStatuses(sc.course, sc.progress()), look(sc, w), (s) => s.stage.stacks[stack], recommendations(sc.course, sc.progress()), sc.course.closing)),
    links: [
      ...sc.course.modules.map((m) => ({ href: `module:${m.id}`, label: `Lesson: ${m.title}` })),
    ],
    highlight: stage ? new RegExp(`Stage ${stage.number} · `, "g") : undefined,
  });
}

export async function progressScreen(sc: ScreenContext): Promise<void> {
  await showDocument(sc, { title: "Progress", layout: (w) => textLines(renderProgress(sc.course, progressReport(sc.course, sc.progress(), sc.settings()), sc.store.path, look(sc, w))) });
}

export async function textScreen(sc: ScreenContext, route: Extract<Route, { to: "text" }>): Promise<void> {
  await showDocument(sc, { title: route.title, layout: () => textLines(route.text) });
}

/** Follows a link from a text: a lesson section, an FAQ answer, a stage, a glossary term. */
export async function linkScreen(sc: ScreenContext, route: Extract<Route, { to: "link" }>): Promise<void> {
  const m = /^(module|faq|stage|term|ref):([^#]*)(?:#(.*))?$/.exec(route.href);
  if (!m) return notice(sc, "Link", [route.href, "", "Open it in a browser."]);
  const [, kind, id, anchor] = m;
  if (kind === "term") return sc.nav.open({ to: "term", id: id! });
  if (kind === "ref") {
    const ref = findReference(sc.course, id!);
    if (!ref) return notice(sc, "Reference", [`There is no reference page "${id}".`]);
    const section = anchor ? Math.max(0, ref.sections.findIndex((s) => s.id === anchor)) : undefined;
    return sc.nav.open({ to: "lesson", module: referenceAsModule(ref), section, reference: true });
  }
  if (kind === "stage") return sc.nav.open({ to: "roadmap", stage: id });
  if (kind === "faq") {
    const entry = sc.course.faq.find((f) => f.id === id);
    return entry ? sc.nav.open({ to: "faq-entry", entry }) : notice(sc, "FAQ", [`There is no FAQ entry "${id}".`]);
  }
  const mod = sc.course.modules.find((x) => x.id === id);
  if (!mod) return notice(sc, "Coming soon", [`${sc.course.planned.find((p) => p.id === id)?.title ?? id} is not written yet; the roadmap shows where it fits.`]);
  const section = anchor ? Math.max(0, mod.sections.findIndex((s) => s.id === anchor)) : undefined;
  return sc.nav.open({ to: "lesson", module: mod, section });
}
