// Turns what a learner typed into a lab or a check, or a helpful error. Pure.
import type { Course, Lab, LabCheck } from "../content/model.js";
import { UsageError } from "../errors.js";
import { suggest } from "../learn/resolve.js";

/** A lab by its id, its module's number or id, or a unique start of either. */
export function resolveLab(course: Course, input: string): Lab {
  const key = input.trim().toLowerCase();
  const labs = course.labs;
  if (!labs.length) throw new UsageError("this course has no labs");
  if (!key) throw new UsageError("name a lab; see `api-architect lab list`");
  if (/^\d{1,2}$/.test(key)) {
    const byNumber = labs.find((l) => l.moduleNumber === Number(key));
    if (byNumber) return byNumber;
    throw new UsageError(`module ${input.trim()} has no lab; labs belong to modules ${labs.map((l) => l.moduleNumber).join(", ")}`);
  }
  const exact = labs.find((l) => l.id === key || l.module === key);
  if (exact) return exact;
  const starts = labs.filter((l) => l.id.startsWith(key) || l.module.startsWith(key));
  if (starts.length === 1) return starts[0]!;
  if (starts.length > 1) throw new UsageError(`"${input.trim()}" could be ${starts.map((l) => l.id).join(" or ")}; type more of it`);
  const near = suggest(key, labs.map((l) => l.id));
  throw new UsageError(`unknown lab "${input.trim()}"${near ? `; did you mean "${near}"?` : "; see `api-architect lab list`"}`);
}

export function resolveCheck(lab: Lab, input: string): LabCheck {
  const key = input.trim().toLowerCase();
  const exact = lab.checks.find((c) => c.id === key);
  if (exact) return exact;
  const starts = lab.checks.filter((c) => c.id.startsWith(key));
  if (key && starts.length === 1) return starts[0]!;
  const near = suggest(key, lab.checks.map((c) => c.id));
  throw new UsageError(`lab ${lab.id} has no check "${input.trim()}"${near ? `; did you mean "${near}"?` : `; its checks are ${lab.checks.map((c) => c.id).join(", ")}`}`);
}
