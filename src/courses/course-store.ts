// The progress store of the course in use. Each pack keeps its own progress (answers, cards,
// positions), so courses never mix; a pack's store starts with the built-in course's settings
// (stack, colour), so choosing a stack once is enough.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Store } from "../store/store.js";
import { configRoot, courseStoreDir } from "./registry.js";

export async function openCourseStore(): Promise<Store> {
  const dir = courseStoreDir();
  // Looked at before opening: opening may create the file.
  const fresh = dir !== configRoot() && !existsSync(join(dir, "progress.json"));
  const store = await Store.open(dir);
  if (fresh) {
    const settings = (await Store.open(configRoot())).read().settings;
    if (Object.keys(settings).length) {
      await store.update((p) => {
        p.settings = { ...settings };
      });
    }
  }
  return store;
}
