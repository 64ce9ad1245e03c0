// Rendered text kept in the cache folder, so that what was shown before is written out again
// without loading the course's text or the markdown renderer. A rendering is keyed by everything
// it depends on: the build, the course (its folder and content stamp) and the caller's key (what
// was asked for, the stack, the width, the colour). Renderings of other content or another build
// are never read again, and are removed when something new is kept.
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { readRegularFile, writeAtomic } from "../files.js";
import { cacheRoot, shortHash } from "../paths.js";
import { packageVersion } from "../version.js";

/** The bundle's id, set by bin/api-architect.js: a rebuilt program never reuses an old rendering. */
function buildId(): string {
  return String((globalThis as Record<symbol, unknown>)[Symbol.for("api-architect.bundle")] ?? "dev");
}

export interface Rendering {
  /** What a pager shows as the title. */
  title: string;
  text: string;
}

export class RenderedCache {
  private readonly folder: string;
  private tidied = false;

  constructor(source: { root: string; stamp: string }) {
    this.folder = join(cacheRoot(), "rendered", shortHash(`${packageVersion()}\0${buildId()}\0${source.root}\0${source.stamp}`));
  }

  private file(key: readonly unknown[]): string {
    return join(this.folder, `${shortHash(JSON.stringify(key))}.txt`);
  }

  /** A rendering kept before; kept as one file: the title, a NUL, the text. */
  read(key: readonly unknown[]): Rendering | undefined {
    try {
      const raw = readRegularFile(this.file(key), 64 << 20)?.toString("utf8");
      const cut = raw?.indexOf("\u0000") ?? -1;
      return raw !== undefined && cut >= 0 ? { title: raw.slice(0, cut), text: raw.slice(cut + 1) } : undefined;
    } catch {
      return undefined;
    }
  }

  write(key: readonly unknown[], r: Rendering): void {
    try {
      writeAtomic(this.file(key), `${r.title}\u0000${r.text}`);
      if (!this.tidied) {
        this.tidied = true;
        const parent = join(this.folder, "..");
        for (const other of readdirSync(parent)) if (join(parent, other) !== this.folder) rmSync(join(parent, other), { recursive: true, force: true });
      }
    } catch {
      // A cache that cannot be written only costs speed.
    }
  }
}
