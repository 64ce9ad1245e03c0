// The learner's settings: their shape, the keys `config` knows, and how each value is checked.
// Pure. Looked up in maps, never as properties of plain objects, so that "__proto__",
// "constructor" or "toString" are unknown keys like any other.
import * as v from "valibot";
import { UsageError } from "../errors.js";
import { colorSchema, stackSchema } from "./schema.js";
import { shown } from "../escape.js";
import type { Stack } from "../content/model.js";

export const SETTINGS_VERSION = 1;

export interface Settings {
  stack?: Stack;
  color?: "auto" | "always" | "never";
  lab?: { baseUrl?: string };
}

/** A setting that does not validate is dropped alone; the others are kept. */
const orUnset = <T extends v.GenericSchema>(schema: T) => v.optional(v.fallback(v.optional(schema), undefined));

export const settingsSchema = v.object({
  version: v.optional(v.number(), SETTINGS_VERSION),
  stack: orUnset(stackSchema),
  color: orUnset(colorSchema),
  lab: orUnset(v.object({ baseUrl: orUnset(v.pipe(v.string(), v.maxLength(2000), v.check((s) => checkUrl(s) === undefined))) })),
});

export function parseSettings(data: unknown): Settings | undefined {
  const r = v.safeParse(settingsSchema, data);
  if (!r.success) return undefined;
  const out: Settings = {};
  if (r.output.stack) out.stack = r.output.stack;
  if (r.output.color) out.color = r.output.color;
  if (r.output.lab?.baseUrl) out.lab = { baseUrl: r.output.lab.baseUrl };
  return out;
}

export function settingsFile(s: Settings): string {
  return `${JSON.stringify({ version: SETTINGS_VERSION, ...s }, null, 2)}\n`;
}

/** Why a lab base URL cannot be used, or undefined if it can. */
function checkUrl(s: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\s]/.test(s)) return "it contains spaces or control characters";
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return "it is not a URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "it must start with http:// or https://";
  if (url.username || url.password) return "it must not carry a user name or password";
  if (url.search || url.hash) return "it must not have a query or a fragment";
  return undefined;
}

export interface SettingKey {
  name: string;
  help: string;
  get(s: Settings): string | undefined;
  /** Checks a value typed by the learner; returns it as stored, or throws a UsageError. */
  parse(value: string): string;
  set(s: Settings, value: string | undefined): void;
}

function stackAlias(input: string): Stack {
  const s = STACK_ALIASES.get(input.trim().toLowerCase());
  if (!s) throw new UsageError(`unknown stack "${shown(input)}"; use typescript, python, php or csharp`);
  return s;
}

const STACK_ALIASES = new Map<string, Stack>([
  ["typescript", "typescript"], ["ts", "typescript"], ["express", "typescript"], ["node", "typescript"],
  ["python", "python"], ["py", "python"], ["fastapi", "python"],
  ["php", "php"], ["laravel", "php"],
  ["csharp", "csharp"], ["cs", "csharp"], ["c#", "csharp"], ["dotnet", "csharp"], [".net", "csharp"], ["aspnet", "csharp"],
]);

export const SETTING_KEYS: readonly SettingKey[] = [
  {
    name: "stack",
    help: "typescript, python, php or csharp",
    get: (s) => s.stack,
    parse: stackAlias,
    set: (s, value) => {
      if (value === undefined) delete s.stack;
      else s.stack = value as Stack;
    },
  },
  {
    name: "color",
    help: "auto, always or never",
    get: (s) => s.color,
    parse: (value) => {
      const x = value.trim().toLowerCase();
      if (x === "auto" || x === "always" || x === "never") return x;
      throw new UsageError(`"${shown(value)}" is not a colour setting; use auto, always or never`);
    },
    set: (s, value) => {
      if (value === undefined) delete s.color;
      else s.color = value as Settings["color"];
    },
  },
  {
    name: "lab.baseUrl",
    help: "the URL your own API listens on for labs, e.g. http://127.0.0.1:3000",
    get: (s) => s.lab?.baseUrl,
    parse: (value) => {
      const trimmed = value.trim();
      const problem = trimmed.length > 2000 ? "it is too long" : checkUrl(trimmed);
      if (problem) throw new UsageError(`"${shown(value)}" cannot be the lab base URL: ${problem}`);
      // One spelling per address: no trailing slash on the path.
      const url = new URL(trimmed);
      return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
    },
    set: (s, value) => {
      if (value === undefined) {
        if (s.lab) delete s.lab.baseUrl;
        if (s.lab && !Object.keys(s.lab).length) delete s.lab;
      } else s.lab = { ...s.lab, baseUrl: value };
    },
  },
];

const KEYS_BY_NAME = new Map<string, SettingKey>();
for (const k of SETTING_KEYS) KEYS_BY_NAME.set(k.name.toLowerCase(), k);
KEYS_BY_NAME.set("colour", KEYS_BY_NAME.get("color")!);

/** The setting a learner means by `name`, or a UsageError listing the real ones. */
export function settingKey(name: string): SettingKey {
  const k = KEYS_BY_NAME.get(name.trim().toLowerCase());
  if (k) return k;
  throw new UsageError(`unknown setting "${shown(name)}"; settings are ${SETTING_KEYS.map((x) => x.name).join(", ")}`);
}
