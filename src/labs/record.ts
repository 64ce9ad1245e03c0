// What a lab run leaves in the learner's progress, and what progress says about a lab. Pure.
import type { Lab } from "../content/model.js";
import type { Stack } from "../content/model.js";
import type { LabRecord, StoredState } from "../store/schema.js";
import type { LabRun } from "./engine.js";

export interface LabStatus {
  lab: Lab;
  checks: number;
  /** Checks whose latest result passed (checks the lab no longer has are not counted). */
  passing: number;
  passed: boolean;
  passedAt: string | null;
  lastRunAt: string | null;
}

export function labStatus(lab: Lab, p: Pick<StoredState, "labs">): LabStatus {
  const r = p.labs?.[lab.id];
  const passing = lab.checks.filter((c) => r?.checks[c.id]?.passed).length;
  return { lab, checks: lab.checks.length, passing, passed: Boolean(r?.passedAt), passedAt: r?.passedAt ?? null, lastRunAt: r?.lastRunAt ?? null };
}

/** Writes a run's results into `p`. The lab passes once every check's latest result passed. */
export function recordRun(p: Pick<StoredState, "labs">, run: LabRun, meta: { at: Date; stack?: Stack; baseUrl: string }): LabRecord | undefined {
  if (!run.results.length) return undefined;
  const at = meta.at.toISOString();
  const prev = p.labs[run.lab.id];
  const checks = { ...prev?.checks };
  for (const r of run.results) checks[r.id] = { passed: r.passed, at };
  const all = run.lab.checks.every((c) => checks[c.id]?.passed);
  const record: LabRecord = {
    ...prev,
    checks,
    lastRunAt: at,
    baseUrl: meta.baseUrl,
    ...(meta.stack ? { stack: meta.stack } : {}),
    ...(prev?.passedAt ? { passedAt: prev.passedAt } : all ? { passedAt: at } : {}),
  };
  p.labs[run.lab.id] = record;
  return record;
}
