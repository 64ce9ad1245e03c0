// Staff-only routes: requireAuth, then requireRole("staff", "admin").
import type { RequestHandler } from "express";
import { ProblemError } from "../api/problems.js";

export const requireRole = (...allowed: string[]): RequestHandler =>
  (req, _res, next) => {
    // 403: the caller is known, and the answer is no. (Mount requireAuth
    // first: without it there is no caller and no role.)
    const roles = req.auth?.roles ?? [];
    if (!roles.some((role) => allowed.includes(role))) {
      throw new ProblemError(403, "forbidden",
        `This needs one of the roles: ${allowed.join(", ")}.`);
    }
    next();
  };
