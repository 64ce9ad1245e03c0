// Reads a course folder, validates every file and cross-reference, and reports every problem at
// once as `file:line: message` (paths relative to the course folder).
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { ContentError } from "../errors.js";
import type { Token, Tokens } from "marked";
import { codeBlocks, codeGroups, lex, links, parseInfo, splitSections, type Problem } from "./markdown.js";
import type { Course, FaqEntry, GlossaryTerm, Module, Question, Reference, Section, Stage } from "./model.js";
import { courseSchema, faqFrontSchema, glossarySchema, lessonFrontSchema, quizSchema, referenceFrontSchema, roadmapSchema, type CourseFile } from "./schema.js";
import { checkStyle } from "./style.js";
import { loadLabs, type YamlReader } from "./labs-loader.js";
import { checkHttpExample, loadContract, type Contract } from "./contract.js";

export interface LoadResult {
  course?: Course;
  problems: string[];
  /** Style advice that does not fail validation (a long section, say). */
  warnings: string[];
  /**
   * Breaches of the house standard (code width, the contract, quiz code groups): `validate` and the
   * tests fail on them, but a learner can still read the course, so loading does not.
   */
  lint: string[];
}

class Reporter {
  readonly problems: string[] = [];
  readonly warnings: string[] = [];
  readonly lint: string[] = [];
  constructor(private readonly root: string) {}
  private format(file: string, line: number | undefined, message: string) {
    const rel = relative(this.root, file) || file;
    return line ? `${rel}:${line}: ${message}` : `${rel}: ${message}`;
  }
  at(file: string, line: number | undefined, message: string) {
    this.problems.push(this.format(file, line, message));
  }
  warn(file: string, line: number | undefined, message: string) {
    this.warnings.push(this.format(file, line, message));
  }
  standard(file: string, line: number | undefined, message: string) {
    this.lint.push(this.format(file, line, message));
  }
}

/** What every piece of markdown is checked for beyond its own format: style and the contract. */
interface Checks {
  style: CourseFile["style"];
  contract?: Contract;
}

/** Style and contract checks over lexed markdown; `sectionLine` turns on the prose-length advice. */
function checkMarkdownBody(file: string, tokens: Token[], lines: number[], checks: Checks, r: Reporter, sectionLine?: number) {
  const { problems, warnings } = bodyProblems(tokens, lines, checks, sectionLine);
  for (const p of problems) r.standard(file, p.line || undefined, p.message);
  for (const w of warnings) r.warn(file, w.line || undefined, w.message);
}

function bodyProblems(tokens: Token[], lines: number[], checks: Checks, sectionLine?: number): { problems: Problem[]; warnings: Problem[] } {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  checkStyle(tokens, lines, checks.style, problems, warnings, sectionLine);
  if (checks.contract) {
    const contract = checks.contract;
    const visit = (list: Token[], line: number) => {
      for (const t of list) {
        if (t.type === "code") {
          const info = parseInfo((t as Tokens.Code).lang);
          if (info.lang === "http") checkHttpExample(contract, (t as Tokens.Code).text, info, line + 1, problems);
        }
        const children = (t as { tokens?: Token[] }).tokens ?? (t as { items?: Token[] }).items;
        if (children) visit(children, line);
      }
    };
    tokens.forEach((t, i) => visit([t], lines[i] ?? 0));
  }
  return { problems, warnings };
}

function readText(file: string, r: Reporter): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    r.at(file, undefined, "cannot be read (missing or not a file)");
    return undefined;
  }
}

/** Parses YAML and checks it against a schema; errors point at the offending key's line. */
function readYaml<S extends z.ZodType>(
  file: string,
  source: string,
  schema: S,
  r: Reporter,
  firstLine = 1,
): z.infer<S> | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  if (doc.errors.length) {
    for (const e of doc.errors) r.at(file, lineOf(e.pos[0]), `invalid YAML: ${e.message.split("\n")[0]}`);
    return undefined;
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    // Point at the deepest node that exists along the issue's path.
    let path = issue.path.slice() as (string | number)[];
    let node: unknown;
    while (path.length && !(node = doc.getIn(path, true))) path = path.slice(0, -1);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
    r.at(file, range ? lineOf(range[0]) : firstLine, `${where}${issue.message}`);
  }
  return undefined;
}

/** Splits `---\nyaml\n---\nbody`; returns the body's first line number for error reporting. */
function frontMatter(file: string, source: string, r: Reporter): { yaml: string; body: string; bodyLine: number } | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!m) {
    r.at(file, 1, "must start with front matter between --- lines");
    return undefined;
  }
  const bodyLine = (m[0].match(/\n/g) ?? []).length + 1;
  return { yaml: m[1]!, body: source.slice(m[0].length), bodyLine };
}

function loadModule(root: string, folder: string, r: Reporter, policy: CourseFile["quiz"], checks: Checks): Module | undefined {
  const dir = join(root, "modules", folder);
  const file = join(dir, "lesson.md");
  const source = readText(file, r);
  if (source === undefined) return undefined;
  const fm = frontMatter(file, source, r);
  if (!fm) return undefined;
  const front = readYaml(file, fm.yaml, lessonFrontSchema, r, 2);
  const problems: Problem[] = [];
  const raw = splitSections(fm.body, fm.bodyLine, problems);
  const sections: Section[] = raw.map((s) => {
    codeGroups(s.tokens, s.lines, problems);
    checkMarkdownBody(file, s.tokens, s.lines, checks, r, s.line);
    return { id: s.id, title: s.title, markdown: s.markdown, line: s.line };
  });
  for (const p of problems) r.at(file, p.line, p.message);
  if (!front) return undefined;
  const expected = `${String(front.number).padStart(2, "0")}-${front.id}`;
  if (folder !== expected) r.at(file, 2, `front matter says ${expected} but the folder is ${folder}`);
  const quiz = loadQuiz(join(dir, "quiz.yaml"), front.id, r, policy, checks);
  const stageLine = 2 + fm.yaml.split("\n").findIndex((l) => l.startsWith("stage:"));
  return { ...front, sections, quiz, file, stageLine };
}

function loadQuiz(file: string, moduleId: string, r: Reporter, policy: CourseFile["quiz"], checks: Checks): Question[] {
  const source = readText(file, r);
  if (source === undefined) return [];
  const data = readYaml(file, source, quizSchema, r);
  if (!data) return [];
  const seen = new Set<string>();
  const questions: Question[] = [];
  for (const q of data.questions) {
    if (seen.has(q.id)) r.at(file, undefined, `duplicate question id "${q.id}"`);
    seen.add(q.id);
    // A snippet in the prompt is in one language; only its fence attributes are checked.
    const problems: Problem[] = [];
    for (const b of codeBlocks(q.prompt, 1)) for (const m of parseInfo(b.info).problems) problems.push({ line: 0, message: m });
    if (q.code !== undefined) checkQuizCode(q.code, problems);
    for (const p of problems) r.at(file, undefined, `question ${q.id}: ${p.message}`);
    for (const md of [q.prompt, q.code ?? ""]) {
      const { tokens, lines } = lex(md, 1);
      // Line numbers inside a YAML block scalar would mislead: name the question instead.
      for (const p of bodyProblems(tokens, lines, checks).problems) r.standard(file, undefined, `question ${q.id}: ${p.message}`);
    }
    questions.push({ id: q.id, module: moduleId, type: q.type, prompt: q.prompt, ...(q.code !== undefined ? { code: q.code } : {}), options: q.options.map((o) => ({ text: o.text, explain: o.explain, correct: o.correct === true })) });
  }
  const count = (t: Question["type"]) => questions.filter((q) => q.type === t).length;
  const stackCode = questions.filter((q) => q.type === "code" && q.code !== undefined && codeGroups(lex(q.code, 1).tokens, [], [], false).length > 0).length;
  if (policy.minStackCode !== undefined && stackCode < policy.minStackCode) r.standard(file, undefined, `has ${stackCode} code questions with a four-stack \`code:\` group; the course asks for at least ${policy.minStackCode}`);
  if (policy.minQuestions && questions.length < policy.minQuestions) r.at(file, undefined, `has ${questions.length} questions; the course asks for at least ${policy.minQuestions}`);
  if (policy.minScenario !== undefined && count("scenario") < policy.minScenario) r.at(file, undefined, `has ${count("scenario")} scenario questions; the course asks for at least ${policy.minScenario}`);
  if (policy.minCode !== undefined && count("code") < policy.minCode) r.at(file, undefined, `has ${count("code")} code questions; the course asks for at least ${policy.minCode}`);
  if (policy.maxCorrectLongest !== undefined && questions.length) {
    const longest = questions.filter((q) => {
      const correct = q.options.find((o) => o.correct)!.text.length;
      return q.options.every((o) => o.correct || o.text.length < correct);
    }).length;
    if (longest / questions.length > policy.maxCorrectLongest) {
      r.at(file, undefined, `the correct option is the longest in ${longest} of ${questions.length} questions; the course allows at most ${Math.round(policy.maxCorrectLongest * 100)}% (make distractors as long)`);
    }
  }
  return questions;
}

/** A quiz question's `code:` is one four-stack example group, or one block in a neutral language. */
function checkQuizCode(code: string, problems: Problem[]) {
  const { tokens, lines } = lex(code, 1);
  const content = tokens.filter((t) => t.type !== "space");
  if (content.some((t) => t.type !== "code")) {
    problems.push({ line: 0, message: "code: holds only fenced code blocks (put words in the prompt)" });
    return;
  }
  const groups = codeGroups(tokens, lines, problems);
  const neutral = content.filter((t) => !parseInfo((t as Tokens.Code).lang).stack);
  if (groups.length > 1 || (groups.length === 1 && neutral.length) || (!groups.length && neutral.length !== 1)) {
    problems.push({ line: 0, message: "code: must be one example group (ts, python, php, csharp) or a single block" });
  }
}

function loadReference(root: string, path: string, r: Reporter, checks: Checks): Reference | undefined {
  const file = join(root, path);
  const source = readText(file, r);
  if (source === undefined) return undefined;
  const fm = frontMatter(file, source, r);
  if (!fm) return undefined;
  const front = readYaml(file, fm.yaml, referenceFrontSchema, r, 2);
  const problems: Problem[] = [];
  const sections: Section[] = splitSections(fm.body, fm.bodyLine, problems).map((s) => {
    codeGroups(s.tokens, s.lines, problems);
    checkMarkdownBody(file, s.tokens, s.lines, checks, r, s.line);
    return { id: s.id, title: s.title, markdown: s.markdown, line: s.line };
  });
  for (const p of problems) r.at(file, p.line, p.message);
  if (!front) return undefined;
  return { ...front, sections, file };
}

/** Reads the contract; an unreadable one is a problem, and examples are then not checked. */
function loadContractFile(root: string, path: string, r: Reporter): Contract | undefined {
  const file = join(root, path);
  const source = readText(file, r);
  if (source === undefined) return undefined;
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    for (const e of doc.errors) r.at(file, lineCounter.linePos(e.pos[0]).line, `invalid YAML: ${e.message.split("\n")[0]}`);
    return undefined;
  }
  const data = doc.toJS() as Record<string, unknown> | null;
  if (!data || typeof data !== "object" || typeof data.openapi !== "string" || !data.openapi.startsWith("3.1")) {
    r.at(file, 1, "must be an OpenAPI 3.1 document (openapi: 3.1.x)");
    return undefined;
  }
  try {
    return loadContract(data);
  } catch (e) {
    r.at(file, undefined, `cannot be used to check examples: ${(e as Error).message}`);
    return undefined;
  }
}

function loadFaq(root: string, r: Reporter, checks: Checks): FaqEntry[] {
  const dir = join(root, "faq");
  if (!existsSync(dir)) return [];
  const entries: FaqEntry[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".md")).sort()) {
    const file = join(dir, name);
    const source = readText(file, r);
    if (source === undefined) continue;
    const fm = frontMatter(file, source, r);
    if (!fm) continue;
    const front = readYaml(file, fm.yaml, faqFrontSchema, r, 2);
    const problems: Problem[] = [];
    const { tokens, lines } = lex(fm.body, fm.bodyLine);
    codeGroups(tokens, lines, problems);
    checkMarkdownBody(file, tokens, lines, checks, r);
    for (const p of problems) r.at(file, p.line, p.message);
    if (!front) continue;
    if (name !== `${front.id}.md`) r.at(file, 2, `id "${front.id}" does not match the file name (expected ${front.id}.md)`);
    if (!fm.body.trim()) r.at(file, fm.bodyLine, "the answer is empty");
    entries.push({ ...front, markdown: fm.body, bodyLine: fm.bodyLine, file });
  }
  return entries.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

function loadStages(root: string, r: Reporter, closing: { value?: Course["closing"] }): Stage[] {
  const file = join(root, "roadmap.yaml");
  const source = readText(file, r);
  if (source === undefined) return [];
  const data = readYaml(file, source, roadmapSchema, r);
  if (!data) return [];
  if (data.closing) closing.value = data.closing;
  const ids = new Set<string>();
  for (const s of data.stages) {
    if (ids.has(s.id)) r.at(file, undefined, `duplicate stage id "${s.id}"`);
    ids.add(s.id);
  }
  return data.stages.sort((a, b) => a.number - b.number);
}

function loadGlossary(root: string, r: Reporter): GlossaryTerm[] {
  const file = join(root, "glossary.yaml");
  if (!existsSync(file)) return [];
  const source = readText(file, r);
  const data = source === undefined ? undefined : readYaml(file, source, glossarySchema, r);
  if (!data) return [];
  const seen = new Map<string, string>();
  for (const t of data.terms) {
    for (const name of [t.id, t.term.toLowerCase(), ...t.aliases.map((a) => a.toLowerCase())]) {
      const other = seen.get(name);
      if (other && other !== t.id) r.at(file, undefined, `"${name}" names both ${other} and ${t.id}`);
      seen.set(name, t.id);
    }
  }
  return data.terms;
}

function checkLinks(course: Course, r: Reporter, unloaded: Set<string>) {
  const modules = new Map(course.modules.map((m) => [m.id, m]));
  const faq = new Set(course.faq.map((f) => f.id));
  const stages = new Set(course.stages.map((s) => s.id));
  const references = new Map(course.references.map((x) => [x.id, x]));
  // A module that failed to load has been reported already; links to it are not a second problem.
  const known = (id: string) => modules.has(id) || unloaded.has(id) || course.planned.some((p) => p.id === id);
  const check = (file: string, line: number | undefined, href: string) => {
    const m = /^(module|faq|stage|ref):([^#]*)(?:#(.*))?$/.exec(href);
    if (!m) {
      if (/^[a-z]+:/.test(href) && !/^(https?|mailto):/.test(href)) r.at(file, line, `unknown link scheme in "${href}" (use module:, faq:, stage:, ref: or https:)`);
      return;
    }
    const [, kind, target, anchor] = m;
    if (kind === "ref") {
      const ref = references.get(target!);
      if (!ref) r.at(file, line, `link to unknown reference page "${target}"`);
      else if (anchor && !ref.sections.some((s) => s.id === anchor)) r.at(file, line, `link to unknown section "${anchor}" of ${target}`);
    }
    if (kind === "faq" && !faq.has(target!)) r.at(file, line, `link to unknown FAQ entry "${target}"`);
    if (kind === "stage" && stages.size && !stages.has(target!)) r.at(file, line, `link to unknown stage "${target}"`);
    if (kind === "module") {
      const mod = modules.get(target!);
      if (!known(target!)) r.at(file, line, `link to unknown module "${target}"`);
      if (mod && anchor && !mod.sections.some((s) => s.id === anchor)) r.at(file, line, `link to unknown section "${anchor}" of module ${target}`);
    }
  };
  const checkMarkdown = (file: string, markdown: string, firstLine: number) => {
    const { tokens, lines } = lex(markdown, firstLine);
    tokens.forEach((t, i) => {
      for (const href of links([t])) check(file, lines[i], href);
    });
  };
  for (const ref of course.references) for (const s of ref.sections) checkMarkdown(ref.file, s.markdown, s.line);
  for (const mod of course.modules) {
    if (stages.size && !stages.has(mod.stage)) r.at(mod.file, mod.stageLine, `stage "${mod.stage}" is not in roadmap.yaml`);
    for (const s of mod.sections) checkMarkdown(mod.file, s.markdown, s.line);
    for (const q of mod.quiz) for (const href of [...links(lex(q.prompt, 1).tokens), ...q.options.flatMap((o) => links(lex(o.explain, 1).tokens))]) check(mod.file.replace(/lesson\.md$/, "quiz.yaml"), undefined, href);
  }
  const glossaryFile = join(course.dir, "glossary.yaml");
  for (const t of course.glossary) for (const href of t.links) check(glossaryFile, undefined, `${href}`);
  for (const lab of course.labs) {
    for (const c of lab.checks) check(lab.file, undefined, c.teaches);
    checkMarkdown(lab.file, lab.intro, 1);
    for (const c of lab.checks) checkMarkdown(lab.file, c.hint, 1);
    const solution = lab.file.replace(/lab\.yaml$/, "solution.md");
    for (const s of lab.solution) checkMarkdown(solution, s.markdown, s.line);
  }
  for (const f of course.faq) {
    checkMarkdown(f.file, f.markdown, f.bodyLine);
    for (const id of f.modules) if (!known(id)) r.at(f.file, 4, `related module "${id}" does not exist`);
  }
}

export function loadCourseFrom(root: string): LoadResult {
  const r = new Reporter(root);
  if (!existsSync(root) || !statSync(root).isDirectory()) return { problems: [`${root}: not a course folder (no such directory)`], warnings: [], lint: [] };
  const courseFile = join(root, "course.yaml");
  const source = readText(courseFile, r);
  const meta = source === undefined ? undefined : readYaml(courseFile, source, courseSchema, r);
  if (!meta) return { problems: r.problems, warnings: r.warnings, lint: r.lint };
  const checks: Checks = { style: meta.style, contract: meta.contract ? loadContractFile(root, meta.contract, r) : undefined };
  const modules: Module[] = [];
  const unloaded = new Set<string>();
  for (const folder of meta.modules) {
    const mod = loadModule(root, folder, r, meta.quiz, checks);
    if (!mod) {
      unloaded.add(folder.replace(/^\d{2}-/, ""));
      continue;
    }
    if (modules.some((m) => m.id === mod.id)) r.at(mod.file, 2, `duplicate module id "${mod.id}"`);
    if (modules.some((m) => m.number === mod.number)) r.at(mod.file, 3, `duplicate module number ${mod.number}`);
    modules.push(mod);
  }
  const references: Reference[] = [];
  for (const path of meta.references) {
    const ref = loadReference(root, path, r, checks);
    if (!ref) continue;
    if (references.some((x) => x.id === ref.id) || modules.some((m) => m.id === ref.id)) r.at(ref.file, 2, `id "${ref.id}" is already used by a module or another reference page`);
    references.push(ref);
  }
  const closing: { value?: Course["closing"] } = {};
  const stages = loadStages(root, r, closing);
  const course: Course = { title: meta.title, dir: root, modules, planned: meta.planned, faq: loadFaq(root, r, checks), stages, glossary: loadGlossary(root, r), references, ...(meta.contract ? { contract: meta.contract } : {}), ...(closing.value ? { closing: closing.value } : {}), labs: [] };
  course.labs = loadLabs(root, course, unloaded, r, readYaml as unknown as YamlReader);
  for (const s of course.stages) {
    for (const id of s.labs ?? []) if (!course.labs.some((l) => l.id === id)) r.at(join(root, "roadmap.yaml"), undefined, `stage ${s.id} names lab "${id}", which no lab.yaml defines`);
  }
  for (const p of meta.planned) {
    if (modules.some((m) => m.id === p.id)) r.at(courseFile, undefined, `"${p.id}" is both planned and written; remove it from planned`);
    if (course.stages.length && !course.stages.some((s) => s.id === p.stage)) r.at(courseFile, undefined, `planned module "${p.id}": stage "${p.stage}" is not in roadmap.yaml`);
  }
  checkLinks(course, r, unloaded);
  return { course, problems: r.problems, warnings: r.warnings, lint: r.lint };
}

/** Loads a course or throws ContentError listing every problem. */
export function loadCourse(root: string): Course {
  const { course, problems } = loadCourseFrom(root);
  if (problems.length || !course) throw new ContentError(problems);
  return course;
}
