// `config list|get|set|unset`: settings, by name, case-insensitive; `list` and `get` show each
// one's effective value, with "(default)" when it was never set.
import { EXIT } from "../errors.js";
import { defaultBaseUrl } from "../labs/target.js";
import type { GlobalOptions } from "../options.js";
import { processIo, terminal } from "../output.js";
import { openCourseStore } from "../courses/course-store.js";
import { SETTING_KEYS, settingKey, type Settings } from "../store/settings.js";

/** What applies when a setting was never set. */
function fallback(name: string, s: Settings): string {
  if (name === "stack") return "typescript";
  if (name === "color") return "auto";
  if (name === "lab.baseUrl") return defaultBaseUrl(s.stack ?? "typescript");
  return "";
}

async function open(g: GlobalOptions) {
  const io = g.io ?? processIo();
  const store = await openCourseStore(io.env);
  const settings = store.settings();
  return { store, settings, term: terminal(g.color, settings.color ?? "auto", io) };
}

/** For changes: the settings are read under the lock, not before (nothing is printed in colour). */
async function openToChange(g: GlobalOptions) {
  const io = g.io ?? processIo();
  return { store: await openCourseStore(io.env), term: terminal(g.color, "auto", io) };
}

/** Every setting's effective value; "(default)" when it was never set. */
export async function configList(g: GlobalOptions): Promise<number> {
  const { settings: s, term } = await open(g);
  term.print(SETTING_KEYS.map((k) => (k.get(s) === undefined ? `${k.name}=${fallback(k.name, s)} (default)` : `${k.name}=${k.get(s)}`)).join("\n"));
  return EXIT.ok;
}

export async function configGet(name: string, g: GlobalOptions): Promise<number> {
  const key = settingKey(name);
  const { settings: s, term } = await open(g);
  term.print(key.get(s) ?? fallback(key.name, s));
  return EXIT.ok;
}

export async function configSet(name: string, input: string, g: GlobalOptions): Promise<number> {
  const key = settingKey(name);
  const value = key.parse(input);
  const { store, term } = await openToChange(g);
  await store.updateSettings((s) => key.set(s, value));
  term.print(`${key.name}=${value}`);
  return EXIT.ok;
}

/** Back to the default. */
export async function configUnset(name: string, g: GlobalOptions): Promise<number> {
  const key = settingKey(name);
  const { store, term } = await openToChange(g);
  const s = await store.updateSettings((x) => key.set(x, undefined));
  term.print(`${key.name}=${fallback(key.name, s)} (default)`);
  return EXIT.ok;
}
