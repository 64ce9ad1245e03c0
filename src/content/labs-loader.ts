// Loads content/modules/NN-*/lab.yaml (and solution.md beside it) and checks what the schema
// cannot: unique ids, that every {{template}} has a value by the time it is used, that sameAs and
// collected lists name earlier steps. A lab may belong to a module that is only planned.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { TOKENS, labSchema, type ExpectFile, type LabFile, type StepFile } from "./lab-schema.js";
import { codeGroups, splitSections, type Problem } from "./markdown.js";
import type { Course, Lab, Section } from "./model.js";
import { BUILTINS, strayBraces, templateRefs } from "../labs/interpolate.js";

export interface LabReporter {
  at(file: string, line: number | undefined, message: string): void;
}

export type YamlReader = <T>(file: string, source: string, schema: typeof labSchema, r: LabReporter) => T | undefined;

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) strings(v, out);
  return out;
}

function expectStrings(e: ExpectFile | undefined): string[] {
  if (!e) return [];
  return strings([e.headers, e.json, e.body?.excludes, e.collected?.includesAll, e.collected?.every]);
}

/** Problems with the templates and names a lab uses; `known` grows as steps capture values. */
export function labProblems(lab: LabFile): { check?: string; message: string }[] {
  const out: { check?: string; message: string }[] = [];
  const base = new Set<string>([...Object.keys(lab.vars)]);
  const checkTemplates = (texts: string[], known: Set<string>, check: string | undefined) => {
    for (const s of texts) {
      if (strayBraces(s)) out.push({ check, message: `"${s}" has {{ that is not a template (use {{name}} or {{name:arg}})` });
      for (const ref of templateRefs(s)) {
        const builtin = (BUILTINS as readonly string[]).includes(ref.name);
        if (ref.name === "token" && !(TOKENS as readonly string[]).includes(ref.arg ?? "")) out.push({ check, message: `{{token:${ref.arg ?? ""}}}: the kinds of token are ${TOKENS.join(", ")}` });
        else if (ref.name === "date" && ref.arg !== undefined && !/^-?\d+$/.test(ref.arg) && ref.arg !== "i" && !known.has(ref.arg)) out.push({ check, message: `{{date:${ref.arg}}}: "${ref.arg}" is not a number or a known value` });
        else if (!builtin && ref.arg !== undefined) out.push({ check, message: `{{${ref.name}:${ref.arg}}}: only uuid, date and token take an argument` });
        else if (!builtin && !known.has(ref.name)) out.push({ check, message: `{{${ref.name}}} is used before any var or earlier step gives it a value` });
      }
    }
  };
  const walk = (steps: readonly StepFile[], known: Set<string>, check: string | undefined) => {
    const names = new Set<string>();
    const lists = new Set<string>();
    for (const step of steps) {
      const r = step.request;
      checkTemplates([r.path, ...strings(r.query), ...strings(r.headers), ...strings(r.json), ...(r.body ? [r.body] : []), ...(r.sign ? [r.sign.id] : [])], known, check);
      checkTemplates([...expectStrings(step.until)], known, check);
      if (step.collect) lists.add(step.collect.into);
      const captured = Object.keys(step.capture ?? {});
      // Expectations see this step's own captures only through later steps, except lists.
      checkTemplates(expectStrings(step.expect), known, check);
      for (const e of [step.expect, step.until]) {
        if (e?.sameAs && !names.has(e.sameAs)) out.push({ check, message: `sameAs: no earlier step is named "${e.sameAs}"` });
        if (e?.collected && !lists.has(e.collected.list)) out.push({ check, message: `collected: no step so far collects into "${e.collected.list}"` });
      }
      for (const c of captured) known.add(c);
      if (step.name) {
        if (names.has(step.name)) out.push({ check, message: `two steps are named "${step.name}"` });
        names.add(step.name);
      }
    }
    return known;
  };
  checkTemplates(Object.values(lab.vars), new Set(), undefined);
  const afterSetup = walk(lab.setup, new Set(base), undefined);
  const ids = new Set<string>();
  for (const c of lab.checks) {
    if (ids.has(c.id)) out.push({ check: c.id, message: `duplicate check id "${c.id}"` });
    ids.add(c.id);
    if (c.steps) walk(c.steps, new Set(afterSetup), c.id);
  }
  return out;
}

function lineOfCheck(source: string): Map<string, number> {
  const lc = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lc });
  const lines = new Map<string, number>();
  const checks = doc.getIn(["checks"], true) as { items?: { range?: [number, number, number]; get?: (k: string) => unknown }[] } | undefined;
  for (const item of checks?.items ?? []) {
    const id = item.get?.("id");
    if (typeof id === "string" && item.range) lines.set(id, lc.linePos(item.range[0]).line);
  }
  return lines;
}

function loadSolution(file: string, r: LabReporter): Section[] {
  if (!existsSync(file)) {
    r.at(file, undefined, "missing: every lab needs a reference solution (## sections, code in four stacks)");
    return [];
  }
  const problems: Problem[] = [];
  const sections = splitSections(readFileSync(file, "utf8"), 1, problems).map((s) => {
    codeGroups(s.tokens, s.lines, problems);
    return { id: s.id, title: s.title, markdown: s.markdown, line: s.line };
  });
  for (const p of problems) r.at(file, p.line, p.message);
  return sections;
}

export function loadLabs(root: string, course: Pick<Course, "modules" | "planned">, unloaded: ReadonlySet<string>, r: LabReporter, readYaml: YamlReader): Lab[] {
  const dir = join(root, "modules");
  if (!existsSync(dir)) return [];
  const labs: Lab[] = [];
  for (const folder of readdirSync(dir).sort()) {
    const file = join(dir, folder, "lab.yaml");
    if (!existsSync(file)) continue;
    const m = /^(\d{2})-([a-z0-9-]+)$/.exec(folder);
    if (!m) {
      r.at(file, undefined, `the folder must be named NN-<module id>, not ${folder}`);
      continue;
    }
    const [, number, moduleId] = m;
    const written = course.modules.find((x) => x.id === moduleId);
    const planned = course.planned.find((x) => x.id === moduleId);
    if (!written && !planned && !unloaded.has(moduleId!)) {
      r.at(file, undefined, `a lab for module "${moduleId}", which course.yaml neither lists nor plans`);
      continue;
    }
    if (written && written.number !== Number(number)) r.at(file, undefined, `the folder says module ${number} but module ${moduleId} is number ${written.number}`);
    const source = readFileSync(file, "utf8");
    const data = readYaml<LabFile>(file, source, labSchema, r);
    const solution = loadSolution(join(dir, folder, "solution.md"), r);
    if (!data) continue;
    const lines = lineOfCheck(source);
    for (const p of labProblems(data)) r.at(file, p.check ? lines.get(p.check) : undefined, p.check ? `check ${p.check}: ${p.message}` : p.message);
    if (labs.some((l) => l.id === data.id)) r.at(file, undefined, `duplicate lab id "${data.id}"`);
    labs.push({ ...data, module: moduleId!, moduleNumber: Number(number), stage: written?.stage ?? planned?.stage ?? "", file, solution });
  }
  for (const lab of labs) {
    for (const c of lab.checks) {
      if (c.procedure?.name === "responses-conform") {
        for (const other of c.procedure.labs ?? []) if (!labs.some((l) => l.id === other)) r.at(lab.file, undefined, `check ${c.id}: no lab "${other}" to replay`);
      }
    }
  }
  return labs;
}
