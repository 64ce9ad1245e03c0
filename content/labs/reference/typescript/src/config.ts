// Settings from the environment. The defaults are the keys that
// `api-architect lab start` prints: for local labs only, never for a server
// anyone else can reach.
import { fileURLToPath } from "node:url";

export interface Config {
  /** HS256 key that access tokens are signed with. */
  jwtSecret: string;
  /** Standard Webhooks secret (whsec_...) shared with the payment provider. */
  webhookSecret: string;
  /** Where the OpenAPI document served at /openapi.json lives. */
  openapiFile: string;
  /** How long a sales report takes to build. */
  jobDelayMs: number;
  /** Adds GET /lab/boom, a route that fails on purpose (lab 02). */
  labRoutes: boolean;
  /** Where unexpected errors are reported (the server log). */
  log: (message: string, error?: unknown) => void;
}

const contract = fileURLToPath(
  new URL("../../../../encore/openapi.yaml", import.meta.url),
);

export function loadConfig(env = process.env): Config {
  return {
    jwtSecret:
      env.ENCORE_JWT_SECRET ?? "encore-labs-local-only-hs256-key-0f3c9a7e51d2",
    webhookSecret:
      env.ENCORE_WEBHOOK_SECRET ??
      "whsec_ZW5jb3JlLWxhYnMtbG9jYWwtb25seS13ZWJob29rLWtleQ==",
    openapiFile: env.ENCORE_OPENAPI_FILE ?? contract,
    jobDelayMs: Number(env.ENCORE_JOB_DELAY_MS ?? 1500),
    labRoutes: env.ENCORE_LAB_ROUTES !== "0",
    log: (message, error) => console.error(message, error ?? ""),
  };
}
