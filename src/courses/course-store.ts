// The progress store of the course in use. Each pack keeps its own progress (answers, cards,
// positions), so courses never mix; a pack's store starts with the built-in course's settings
// (stack, colour, lab URL), so choosing a stack once is enough.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Store } from "../store/store.js";
import { readSettings, type Settings } from "../store/settings.js";
import { configRoot, courseStoreDir } from "./registry.js";

/** A pack's store that has never been written: it starts with the built-in course's settings. */
function unwritten(dir: string, env: NodeJS.ProcessEnv): boolean {
  return dir !== configRoot(env) && !existsSync(join(dir, "settings.json")) && !existsSync(join(dir, "progress.json"));
}

/** The settings of the course in use, read without opening its store (printing a lesson). */
export async function courseSettings(env: NodeJS.ProcessEnv = process.env): Promise<Settings> {
  const dir = courseStoreDir(env);
  return readSettings(unwritten(dir, env) ? configRoot(env) : dir);
}

/** `env` is the command's environment (injected in tests): it says where progress lives. */
export async function openCourseStore(env: NodeJS.ProcessEnv = process.env): Promise<Store> {
  const dir = courseStoreDir(env);
  // Loaded here: printing a lesson reads the settings without the store's code.
  const { Store } = await import("../store/store.js");
  const store = await Store.open(dir);
  // A pack's store that has never been written: copy the built-in course's settings into it.
  if (unwritten(dir, env)) {
    const settings = (await Store.open(configRoot(env))).settings();
    if (Object.keys(settings).length) {
      try {
        await store.updateSettings((s) => Object.assign(s, structuredClone(settings)));
      } catch {
        // A store that cannot be written says so when progress is saved; reading goes on.
      }
    }
  }
  return store;
}
