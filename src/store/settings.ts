// The learner's settings: their shape, the keys `config` knows, and how each value is checked.
// Pure. Looked up in maps, never as properties of plain objects, so that "__proto__",
// "constructor" or "toString" are unknown keys like any other.
import * as v from "valibot";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../errors.js";
import { readJsonFile } from "../files.js";
import { storeDir } from "../paths.js";
import { shown } from "../escape.js";
import { resolveStack } from "../learn/resolve.js";
import type { Stack } from "../content/model.js";

export const SETTINGS_VERSION = 1;

export const stackSchema = v.picklist(["typescript", "python", "php", "csharp"]);
export const colorSchema = v.picklist(["auto", "always", "never"]);

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

export type LoadedSettings =
  | { kind: "ok"; settings: Settings }
  | { kind: "missing" }
  | { kind: "newer" }
  | { kind: "invalid"; problem: string }
  | { kind: "unusable"; problem: string };

/** settings.json as it is on disk. Reads only a regular file, at most 1 MB. */
export function loadSettingsFile(path: string): LoadedSettings {
  const file = readJsonFile(path, 1 << 20);
  if (file.kind !== "ok") return file;
  const data = file.data;
  const version = (data as { version?: unknown } | null)?.version;
  if (typeof version === "number" && version > SETTINGS_VERSION) return { kind: "newer" };
  const settings = parseSettings(data);
  return settings ? { kind: "ok", settings } : { kind: "invalid", problem: "it does not look like api-architect settings" };
}

/**
 * The settings, for commands that need nothing else from the store: settings.json alone when it
 * is there and good; anything else (a file to move aside, a format 2 store still holding them) is
 * left to the store.
 */
export async function readSettings(dir: string = storeDir()): Promise<Settings> {
  const loaded = loadSettingsFile(join(dir, "settings.json"));
  if (loaded.kind === "ok") return loaded.settings;
  if (loaded.kind === "missing" && !existsSync(join(dir, "progress.json"))) return {};
  const { Store } = await import("./store.js");
  return new Store(dir).settings();
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

const stackAlias = (input: string) => resolveStack(input, false);

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
