// The progress store of the course in use. Each pack keeps its own progress (answers, cards,
// positions), so courses never mix; a pack's store starts with the built-in course's settings
// (stack, colour), so choosing a stack once is enough.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Store } from "../store/store.js";
import { configRoot, courseStoreDir } from "./registry.js";

/** `env` is the command's environment (injected in tests): it says where progress lives. */
export async function openCourseStore(env: NodeJS.ProcessEnv = process.env): Promise<Store> {
  const dir = courseStoreDir(env);
  // Looked at before opening: opening may create the file.
  const fresh = dir !== configRoot(env) && !existsSync(join(dir, "progress.json"));
  const store = await Store.open(dir);
  if (fresh) {
    const settings = (await Store.open(configRoot(env))).read().settings;
    if (Object.keys(settings).length) {
      await store.update((p) => {
        p.settings = { ...settings };
      });
    }
  }
  return store;
}
