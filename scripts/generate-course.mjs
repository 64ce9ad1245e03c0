// Writes a course `factor` times the size of content/ (for measuring how costs grow): every
// module and FAQ entry copied with new ids, links left pointing at the originals. A course has
// at most 99 modules (two-digit folders), so the module copies stop there; the FAQ is copied
// `factor` times whatever the modules come to. Returns the number of modules.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function generateCourse(source, target, factor) {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(join(target, "modules"), { recursive: true });
  mkdirSync(join(target, "faq"), { recursive: true });
  for (const f of ["roadmap.yaml", "glossary.yaml"]) cpSync(join(source, f), join(target, f));
  // Reference pages, the contract and the labs (once: they belong to the original modules).
  for (const d of ["encore", "labs"]) if (existsSync(join(source, d))) cpSync(join(source, d), join(target, d), { recursive: true });
  const course = readFileSync(join(source, "course.yaml"), "utf8");
  const folders = [...course.matchAll(/^  - (\d{2}-[a-z0-9-]+)$/gm)].map((m) => m[1]);
  const listed = [];
  let number = 0;
  for (let copy = 0; copy < factor; copy++) {
    for (const folder of folders) {
      if (number === 99) break;
      number++;
      const id = folder.slice(3) + (copy ? `-copy${copy}` : "");
      const name = `${String(number).padStart(2, "0")}-${id}`;
      listed.push(name);
      // The first copy is the course itself, labs (lab.yaml, solution.md) included.
      if (copy === 0) cpSync(join(source, "modules", folder), join(target, "modules", name), { recursive: true });
      else mkdirSync(join(target, "modules", name));
      const lesson = readFileSync(join(source, "modules", folder, "lesson.md"), "utf8")
        .replace(/^id: .*$/m, `id: ${id}`)
        .replace(/^number: .*$/m, `number: ${number}`);
      writeFileSync(join(target, "modules", name, "lesson.md"), lesson);
      cpSync(join(source, "modules", folder, "quiz.yaml"), join(target, "modules", name, "quiz.yaml"));
    }
    for (const f of readdirSync(join(source, "faq"))) {
      const id = f.replace(/\.md$/, "") + (copy ? `-copy${copy}` : "");
      const text = readFileSync(join(source, "faq", f), "utf8").replace(/^id: .*$/m, `id: ${id}`);
      writeFileSync(join(target, "faq", `${id}.md`), text);
    }
  }
  const planned = course.slice(course.indexOf("planned:"));
  writeFileSync(join(target, "course.yaml"), `format: 1\ntitle: Generated course (${factor}x)\nmodules:\n${listed.map((l) => `  - ${l}`).join("\n")}\n${planned}`);
  return listed.length;
}
