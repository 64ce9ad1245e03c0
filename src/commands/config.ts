import type { GlobalOptions } from "../cli.js";
import { EXIT, UsageError } from "../errors.js";
import { resolveStack } from "../learn/resolve.js";
import { print } from "../output.js";
import { openCourseStore } from "../courses/course-store.js";
import type { Progress } from "../store/schema.js";

type Key = keyof Progress["settings"] & ("stack" | "color");
const KEYS: Record<Key, { help: string; parse(v: string): string }> = {
  stack: { help: "typescript, python, php or csharp", parse: (v) => resolveStack(v, false) },
  color: {
    help: "auto, always or never",
    parse: (v) => {
      const x = v.trim().toLowerCase();
      if (x === "auto" || x === "always" || x === "never") return x;
      throw new UsageError(`"${v}" is not a colour setting; use auto, always or never`);
    },
  },
};

function key(k: string): Key {
  if (k === "colour") return "color";
  if (k in KEYS) return k as Key;
  throw new UsageError(`unknown setting "${k}"; settings are ${Object.keys(KEYS).join(" and ")}`);
}

export async function configList(_g: GlobalOptions): Promise<number> {
  const s = (await openCourseStore()).read().settings;
  print(Object.keys(KEYS).map((k) => `${k}=${s[k as Key] ?? ""}`).join("\n"));
  return EXIT.ok;
}

export async function configGet(k: string, _g: GlobalOptions): Promise<number> {
  const value = (await openCourseStore()).read().settings[key(k)];
  if (value !== undefined) print(value);
  return EXIT.ok;
}

export async function configSet(k: string, v: string, _g: GlobalOptions): Promise<number> {
  const name = key(k);
  const value = KEYS[name].parse(v);
  await (await openCourseStore()).update((p) => {
    (p.settings as Record<string, string>)[name] = value;
  });
  print(`${name}=${value}`);
  return EXIT.ok;
}
