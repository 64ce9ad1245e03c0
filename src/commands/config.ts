// `config list|get|set`: settings, by name, case-insensitive.
import { EXIT, UsageError } from "../errors.js";
import { resolveStack } from "../learn/resolve.js";
import type { GlobalOptions } from "../options.js";
import { processIo, terminal } from "../output.js";
import { Store } from "../store/store.js";
import type { Progress } from "../store/schema.js";

type Key = keyof Progress["settings"] & ("stack" | "color");
const KEYS: Record<Key, { help: string; default: string; parse(v: string): string }> = {
  stack: { help: "typescript, python, php or csharp", default: "typescript", parse: (v) => resolveStack(v, false) },
  color: {
    help: "auto, always or never",
    default: "auto",
    parse: (v) => {
      const x = v.trim().toLowerCase();
      if (x === "auto" || x === "always" || x === "never") return x;
      throw new UsageError(`"${v}" is not a colour setting; use auto, always or never`);
    },
  },
};

function key(k: string): Key {
  const name = k.trim().toLowerCase();
  if (name === "colour") return "color";
  if (Object.hasOwn(KEYS, name)) return name as Key;
  throw new UsageError(`unknown setting "${k}"; settings are ${Object.keys(KEYS).join(" and ")}`);
}

async function open(g: GlobalOptions) {
  const io = g.io ?? processIo();
  const store = await Store.open(io.env.API_ARCHITECT_CONFIG_DIR || undefined);
  return { store, term: terminal(g.color, store.read().settings.color ?? "auto", io) };
}

/** Every setting's effective value; "(default)" when it was never set. */
export async function configList(g: GlobalOptions): Promise<number> {
  const { store, term } = await open(g);
  const s = store.read().settings;
  term.print((Object.keys(KEYS) as Key[]).map((k) => (s[k] === undefined ? `${k}=${KEYS[k].default} (default)` : `${k}=${s[k]}`)).join("\n"));
  return EXIT.ok;
}

export async function configGet(k: string, g: GlobalOptions): Promise<number> {
  const name = key(k);
  const { store, term } = await open(g);
  term.print(store.read().settings[name] ?? KEYS[name].default);
  return EXIT.ok;
}

export async function configSet(k: string, v: string, g: GlobalOptions): Promise<number> {
  const name = key(k);
  const value = KEYS[name].parse(v);
  const { store, term } = await open(g);
  await store.update((p) => {
    (p.settings as Record<string, string>)[name] = value;
  });
  term.print(`${name}=${value}`);
  return EXIT.ok;
}
