// Probes: liveness checks nothing but the process; readiness checks what
// the instance needs to serve traffic.
import { Router } from "express";

export function healthRouter(checks: Record<string, () => boolean>) {
  const router = Router();
  router.get("/health", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ status: "ok" });
  });
  router.get("/ready", (_req, res) => {
    const results = Object.fromEntries(
      Object.entries(checks).map(([name, ok]) => [
        name,
        ok() ? "ok" : "failing",
      ]),
    );
    const ready = Object.values(results).every((r) => r === "ok");
    res.set("Cache-Control", "no-store");
    if (!ready) res.status(503).set("Retry-After", "5");
    res.json({ status: ready ? "ready" : "not-ready", checks: results });
  });
  return router;
}
