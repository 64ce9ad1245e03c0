#!/usr/bin/env node
// The bundle is built by `npm install` (prepare) or `npm run build`; say so if it is missing.
import { existsSync } from "node:fs";

const main = new URL("../dist/main.js", import.meta.url);
if (!existsSync(main)) {
  process.stderr.write("api-architect: the program is not built yet; run `npm install` (or `npm run build`) in its folder\n");
  process.exit(1);
}
await import(main.href);
