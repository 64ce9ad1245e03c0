import type { GlobalOptions } from "../cli.js";
import { EXIT, UsageError } from "../errors.js";
import { resolveStack } from "../learn/resolve.js";
import { print } from "../output.js";
import { Store } from "../store/store.js";
import type { Progress } from "../store/schema.js";

type Settings = Progress["settings"];

interface Setting {
  help: string;
  parse(v: string): string;
  get(s: Settings): string | undefined;
  set(s: Settings, v: string): void;
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

const KEYS: Record<string, Setting> = {
  stack: { help: "typescript, python, php or csharp", parse: (v) => resolveStack(v, false), get: (s) => s.stack, set: (s, v) => void (s.stack = v as Settings["stack"]) },
  color: {
    help: "auto, always or never",
    parse: (v) => {
      const x = v.trim().toLowerCase();
      if (x === "auto" || x === "always" || x === "never") return x;
      throw new UsageError(`"${v}" is not a colour setting; use auto, always or never`);
    },
    get: (s) => s.color,
    set: (s, v) => void (s.color = v as Settings["color"]),
  },
  "lab.baseUrl": { help: "the URL your lab server listens on", parse: baseUrl, get: (s) => s.lab?.baseUrl, set: (s, v) => void (s.lab = { ...s.lab, baseUrl: v }) },
};

function key(k: string): Setting {
  if (k === "colour") return KEYS.color!;
  const found = Object.keys(KEYS).find((name) => name.toLowerCase() === k.toLowerCase());
  if (found) return KEYS[found]!;
  throw new UsageError(`unknown setting "${k}"; settings are ${Object.keys(KEYS).join(", ")}`);
}

export async function configList(_g: GlobalOptions): Promise<number> {
  const s = (await Store.open()).read().settings;
  print(Object.entries(KEYS).map(([name, k]) => `${name}=${k.get(s) ?? ""}`).join("\n"));
  return EXIT.ok;
}

export async function configGet(k: string, _g: GlobalOptions): Promise<number> {
  const value = key(k).get((await Store.open()).read().settings);
  if (value !== undefined) print(value);
  return EXIT.ok;
}

export async function configSet(k: string, v: string, _g: GlobalOptions): Promise<number> {
  const setting = key(k);
  const value = setting.parse(v);
  await (await Store.open()).update((p) => setting.set(p.settings, value));
  const name = Object.keys(KEYS).find((n) => KEYS[n] === setting)!;
  print(`${name}=${value}`);
  return EXIT.ok;
}
