// Inbound payment events, signed per Standard Webhooks: the signature is
// checked over the raw bytes before any parsing, and each webhook-id is
// processed once (the provider retries, so duplicates are normal).
import { createHmac, timingSafeEqual } from "node:crypto";
import express, { Router } from "express";
import { badParameters, malformedBody, Problem } from "../http/problem.js";
import { timestamp, type Db } from "../store.js";

const TOLERANCE_S = 5 * 60;

function badSignature(detail: string) {
  return new Problem(
    401,
    "invalid-signature",
    detail,
    {},
    { "WWW-Authenticate": 'Signature realm="encore-webhooks"' },
  );
}

/** True when one of the space-separated `v1,<base64>` signatures matches. */
export function signatureMatches(
  secret: string,
  id: string,
  ts: string,
  body: Buffer,
  header: string,
): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key)
    .update(`${id}.${ts}.`)
    .update(body)
    .digest();
  return header.split(" ").some((part) => {
    const [version, sig] = part.split(",");
    const given = Buffer.from(sig ?? "", "base64");
    return (
      version === "v1" &&
      given.length === expected.length &&
      timingSafeEqual(given, expected)
    );
  });
}

interface ProviderEvent {
  type?: string;
  data?: { paymentId?: string; failureReason?: string | null };
}

function apply(db: Db, event: ProviderEvent) {
  const payment = db.payments.get(event.data?.paymentId ?? "");
  // An event about a payment we do not know is acknowledged and ignored.
  if (!payment || payment.status !== "pending") return;
  if (event.type === "payment.succeeded") payment.status = "succeeded";
  if (event.type === "payment.failed") {
    payment.status = "failed";
    payment.failureReason = event.data?.failureReason ?? "declined";
  }
  payment.updatedAt = timestamp();
}

export function webhooksRouter(db: Db, secret: string) {
  const router = Router();
  // The raw body: re-serialised JSON would not match the signature.
  router.post("/payments", express.raw({ type: () => true }), (req, res) => {
    const id = req.get("webhook-id");
    const ts = req.get("webhook-timestamp");
    const signature = req.get("webhook-signature");
    // A missing or unreadable header is a bad parameter, named in `errors`.
    const errors = [
      ["webhook-id", id],
      ["webhook-timestamp", ts],
      ["webhook-signature", signature],
    ]
      .filter(([, value]) => !value)
      .map(([name]) => ({ parameter: String(name), detail: "is required" }));
    if (ts && !/^\d+$/.test(ts)) {
      errors.push({
        parameter: "webhook-timestamp",
        detail: "must be Unix seconds",
      });
    }
    if (errors.length || !id || !ts || !signature) {
      throw badParameters(errors);
    }
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!signatureMatches(secret, id, ts, body, signature)) {
      throw badSignature("No signature matches the body.");
    }
    if (Math.abs(Date.now() / 1000 - Number(ts)) > TOLERANCE_S) {
      throw badSignature("The timestamp is more than 5 minutes off.");
    }
    let event: ProviderEvent;
    try {
      event = JSON.parse(body.toString("utf8"));
    } catch {
      throw malformedBody("The body is not valid JSON.");
    }
    if (!db.deliveries.has(id)) {
      db.deliveries.add(id);
      apply(db, event);
    }
    res.status(204).end();
  });
  return router;
}
