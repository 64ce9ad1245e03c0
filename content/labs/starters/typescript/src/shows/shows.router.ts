// Lab 01 is yours to write: `api-architect lab start shows`. Until then
// every route answers 501 as problem details.
import { Router, type RequestHandler } from "express";
import { ProblemError } from "../api/problems.js";
import { requireAuth } from "../auth/require-auth.js";
import { requireRole } from "../auth/require-role.js";

const staff = [requireAuth, requireRole("staff", "admin")];
const yours: RequestHandler = (req) => {
  throw new ProblemError(501, "not-implemented",
    `${req.method} ${req.originalUrl.split("?")[0]} is yours to write.`);
};

export const showsRouter = Router(); // app.use("/v1/shows", showsRouter)
showsRouter.get("/", yours);
showsRouter.get("/:showId", yours);
showsRouter.post("/", ...staff, yours);
showsRouter.patch("/:showId", ...staff, yours);
