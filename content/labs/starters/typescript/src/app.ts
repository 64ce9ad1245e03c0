// Encore's Express app: routers first, then unknown paths, then every
// error, in this order (module 1).
import express from "express";
import { notFound, problemHandler } from "./api/problems.js";
import { showsRouter } from "./shows/shows.router.js";
import { venuesRouter } from "./venues/venues.router.js";

export const app = express();
app.disable("x-powered-by");
app.set("etag", false); // ETags are set on purpose, per representation
// Parses application/json and every +json type (merge patches too)
app.use(express.json({ type: ["application/json", "application/*+json"] }));

// Probes, outside /v1: liveness checks nothing, readiness the store
app.get("/health", (_req, res) => {
  res.set("Cache-Control", "no-store").json({ status: "ok" });
});
app.get("/ready", (_req, res) => {
  res.set("Cache-Control", "no-store")
    .json({ status: "ready", checks: { memory: "ok" } });
});

app.use("/v1/venues", venuesRouter);
app.use("/v1/shows", showsRouter);

// After every route. Express 5 sends a rejected promise from an async
// handler here too.
app.use(notFound);
app.use(problemHandler);
