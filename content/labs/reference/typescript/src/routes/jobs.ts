// Long-running work: the request starts a job and answers 202 at once; the
// client polls the job until it has succeeded or failed.
import { Router, type Request } from "express";
import { requireRole } from "../auth/require-auth.js";
import { notFound } from "../http/problem.js";
import { newId, timestamp, type Db, type Job } from "../store.js";

function view(job: Job) {
  const { showId: _show, startedBy: _by, ...shown } = job;
  return shown;
}

function visibleJob(db: Db, req: Request): Job {
  const job = db.jobs.get(String(req.params.jobId));
  const admin = req.auth!.roles.includes("admin");
  if (!job || (job.startedBy !== req.auth!.sub && !admin))
    throw notFound("job");
  return job;
}

export function jobsRouter(db: Db, delayMs: number) {
  const router = Router();
  const staff = requireRole("staff", "admin");

  /** Mounted at /v1/shows/:showId/sales-reports. */
  const start = Router({ mergeParams: true });
  start.post("/", staff, (req, res) => {
    const show = db.shows.get(String(req.params.showId));
    if (!show) throw notFound("show");
    const now = timestamp();
    const job: Job = {
      id: newId(),
      type: "sales-report",
      showId: show.id,
      startedBy: req.auth!.sub,
      status: "queued",
      resultUrl: null,
      createdAt: now,
      updatedAt: now,
    };
    db.jobs.set(job.id, job);
    // In-process stand-in for a queue worker (BullMQ, Celery, Hangfire...).
    setTimeout(() => {
      job.status = "running";
      job.updatedAt = timestamp();
      setTimeout(() => {
        job.status = "succeeded";
        job.resultUrl = `https://files.encore.example/reports/${job.id}.csv`;
        job.updatedAt = timestamp();
      }, delayMs / 2).unref();
    }, delayMs / 2).unref();
    res.status(202).location(`/v1/jobs/${job.id}`).set("Retry-After", "2");
    res.json(view(job));
  });

  router.get("/:jobId", staff, (req, res) => {
    const job = visibleJob(db, req);
    const done = job.status === "succeeded" || job.status === "failed";
    if (!done) res.set("Retry-After", "2");
    res.set("Cache-Control", "no-store").json(view(job));
  });

  return { start, router };
}
