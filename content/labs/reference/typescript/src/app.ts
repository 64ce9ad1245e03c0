/// <reference path="./types/express.d.ts" />
// Encore's reference server: the routes of the contract that the labs check,
// with its data in memory. createApp() builds it; server.ts starts it.
import { readFileSync } from "node:fs";
import express from "express";
import { parse } from "yaml";
import { authenticate, requireAuth } from "./auth/require-auth.js";
import type { Config } from "./config.js";
import { etagOf } from "./http/etag.js";
import { handleErrors, noRoute, trace } from "./http/problem.js";
import { authRouter, meRouter } from "./routes/auth.js";
import { bookingsRouter, myBookingsRouter } from "./routes/bookings.js";
import { healthRouter } from "./routes/health.js";
import { jobsRouter } from "./routes/jobs.js";
import { paymentsRouter } from "./routes/payments.js";
import { showsRouter } from "./routes/shows.js";
import { venuesRouter } from "./routes/venues.js";
import { webhooksRouter } from "./routes/webhooks.js";
import { Db } from "./store.js";

export function createApp(config: Config, db = new Db()) {
  const app = express();
  // ETags are set on purpose, per representation, not on every response.
  app.set("etag", false);
  app.disable("x-powered-by");
  app.use(trace);

  // Before the JSON parser: the webhook signature covers the raw bytes.
  app.use("/webhooks", webhooksRouter(db, config.webhookSecret));
  app.use(
    express.json({
      type: ["application/json", "application/merge-patch+json"],
      limit: "100kb",
    }),
  );

  app.use(healthRouter({ store: () => true }));
  const contract = parse(readFileSync(config.openapiFile, "utf8"));
  app.get("/openapi.json", (_req, res) => {
    res.set({ ETag: etagOf(contract), "Cache-Control": "public, max-age=60" });
    res.json(contract);
  });
  app.use("/auth", authRouter(db, config.jwtSecret));

  app.use("/v1", authenticate(config.jwtSecret));
  const jobs = jobsRouter(db, config.jobDelayMs);
  app.use("/v1/venues", venuesRouter(db));
  app.use("/v1/shows/:showId/sales-reports", jobs.start);
  app.use("/v1/shows", showsRouter(db));
  app.use("/v1/jobs", requireAuth, jobs.router);
  app.use("/v1/bookings", requireAuth, bookingsRouter(db));
  app.use("/v1/me/bookings", requireAuth, myBookingsRouter(db));
  app.use("/v1/me", requireAuth, meRouter(db));
  app.use("/v1/payments", requireAuth, paymentsRouter(db));

  if (config.labRoutes) {
    // Lab 02: an unexpected failure, to show what the client gets.
    app.get("/lab/boom", () => {
      throw new Error("lab boom: internal detail that must stay in the log");
    });
  }

  app.use(noRoute);
  app.use(handleErrors(config.log));
  return app;
}
