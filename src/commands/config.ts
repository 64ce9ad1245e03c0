// `config list|get|set`: settings, by name, case-insensitive; `list` shows each one's effective value.
import { EXIT, UsageError } from "../errors.js";
import { defaultBaseUrl } from "../labs/target.js";
import { resolveStack } from "../learn/resolve.js";
import type { GlobalOptions } from "../options.js";
import { processIo, terminal } from "../output.js";
import { openCourseStore } from "../courses/course-store.js";
import type { Progress } from "../store/schema.js";

type Settings = Progress["settings"];

interface Setting {
  help: string;
  parse(v: string): string;
  get(s: Settings): string | undefined;
  set(s: Settings, v: string): void;
  /** What applies when it was never set, and why. */
  fallback(s: Settings): string;
}

function baseUrl(v: string): string {
  let url: URL;
  try {
    url = new URL(v.trim());
  } catch {
    throw new UsageError(`"${v}" is not a URL; give one like http://127.0.0.1:3000`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError("lab.baseUrl must start with http:// or https://");
  if (url.username || url.password || url.search || url.hash) throw new UsageError("lab.baseUrl is the server's root: no user name, query or fragment");
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

// A map with no inherited keys: `config get __proto__` is an unknown setting, not a crash.
const KEYS = new Map<string, Setting>([
  ["stack", { help: "typescript, python, php or csharp", parse: (v) => resolveStack(v, false), get: (s) => s.stack, set: (s, v) => void (s.stack = v as Settings["stack"]), fallback: () => "typescript" }],
  [
    "color",
    {
      help: "auto, always or never",
      parse: (v) => {
        const x = v.trim().toLowerCase();
        if (x === "auto" || x === "always" || x === "never") return x;
        throw new UsageError(`"${v}" is not a colour setting; use auto, always or never`);
      },
      get: (s) => s.color,
      set: (s, v) => void (s.color = v as Settings["color"]),
      fallback: () => "auto",
    },
  ],
  [
    "lab.baseUrl",
    {
      help: "the URL your lab server listens on",
      parse: baseUrl,
      get: (s) => s.lab?.baseUrl,
      set: (s, v) => void (s.lab = { ...s.lab, baseUrl: v }),
      fallback: (s) => defaultBaseUrl(s.stack ?? "typescript"),
    },
  ],
]);

function key(k: string): [string, Setting] {
  const wanted = k.trim().toLowerCase() === "colour" ? "color" : k.trim().toLowerCase();
  for (const [name, setting] of KEYS) if (name.toLowerCase() === wanted) return [name, setting];
  throw new UsageError(`unknown setting "${k}"; settings are ${[...KEYS.keys()].join(", ")}`);
}

async function open(g: GlobalOptions) {
  const io = g.io ?? processIo();
  const store = await openCourseStore(io.env);
  return { store, term: terminal(g.color, store.read().settings.color ?? "auto", io) };
}

/** Every setting's effective value; "(default)" when it was never set. */
export async function configList(g: GlobalOptions): Promise<number> {
  const { store, term } = await open(g);
  const s = store.read().settings;
  term.print([...KEYS].map(([name, k]) => (k.get(s) === undefined ? `${name}=${k.fallback(s)} (default)` : `${name}=${k.get(s)}`)).join("\n"));
  return EXIT.ok;
}

export async function configGet(k: string, g: GlobalOptions): Promise<number> {
  const [, setting] = key(k);
  const { store, term } = await open(g);
  const s = store.read().settings;
  term.print(setting.get(s) ?? setting.fallback(s));
  return EXIT.ok;
}

export async function configSet(k: string, v: string, g: GlobalOptions): Promise<number> {
  const [name, setting] = key(k);
  const value = setting.parse(v);
  const { store, term } = await open(g);
  await store.update((p) => setting.set(p.settings, value));
  term.print(`${name}=${value}`);
  return EXIT.ok;
}
