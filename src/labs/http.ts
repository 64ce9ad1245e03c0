// Sends one request with Node's own fetch: no redirects followed, a time limit, a cap on the
// body. Network failures come back as words, never as raw error codes.
import type { Exchange, NetError, Received, SentRequest } from "./types.js";

export interface HttpLimits {
  timeoutMs: number;
  /** Bytes of body kept; the rest is cut off and the stream cancelled. */
  bodyCap: number;
}

export const DEFAULT_LIMITS: HttpLimits = { timeoutMs: 5_000, bodyCap: 1_048_576 };

function describeError(err: unknown, timeoutMs: number): NetError {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string; name?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError" || e?.cause?.name === "TimeoutError") {
    return { kind: "timeout", message: `no answer within ${timeoutMs / 1000} s` };
  }
  const code = e?.cause?.code;
  const text = `${e?.message ?? ""} ${e?.cause?.message ?? ""}`;
  if (/bad port/i.test(text)) return { kind: "bad-port", message: "fetch refuses to connect to this port" };
  if (code === "ECONNREFUSED") return { kind: "refused", message: "nothing is listening there (connection refused)" };
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET" || code === "EPIPE") return { kind: "reset", message: "the server closed the connection before it answered" };
  if (code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") return { kind: "timeout", message: `no answer within ${timeoutMs / 1000} s` };
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return { kind: "other", message: "the host name could not be found" };
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return { kind: "other", message: "the host cannot be reached" };
  return { kind: "other", message: `the request failed: ${(e?.cause?.message ?? e?.message ?? String(err)).split("\n")[0]}` };
}

async function readCapped(res: Response, cap: number): Promise<{ body: string; truncated: boolean }> {
  if (!res.body) return { body: "", truncated: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > cap) {
      chunks.push(value.subarray(0, cap - size));
      size = cap;
      truncated = true;
      await reader.cancel().catch(() => {});
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  return { body: Buffer.concat(chunks).toString("utf8"), truncated };
}

function parseJson(body: string, truncated: boolean): unknown {
  if (!body || truncated) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

const CONDITIONAL = ["if-none-match", "if-modified-since", "if-match", "if-unmodified-since", "if-range"];

export async function send(req: SentRequest, limits: HttpLimits = DEFAULT_LIMITS): Promise<Exchange> {
  const started = performance.now();
  const signal = AbortSignal.timeout(limits.timeoutMs);
  // The Fetch standard adds "Cache-Control: no-cache" and "Pragma: no-cache" to a conditional
  // request, and servers (Express's `fresh`, for one) then ignore If-None-Match as a forced
  // reload. Cache mode "no-cache" sends the harmless "Cache-Control: max-age=0" instead.
  const conditional = Object.keys(req.headers).some((h) => CONDITIONAL.includes(h.toLowerCase()));
  try {
    const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, redirect: "manual", signal, cache: conditional ? "no-cache" : "default" });
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    const { body, truncated } = await readCapped(res, limits.bodyCap);
    const response: Received = { status: res.status, statusText: res.statusText, headers, body, truncated, json: parseJson(body, truncated), ms: performance.now() - started };
    return { request: req, response };
  } catch (err) {
    return { request: req, error: describeError(err, limits.timeoutMs) };
  }
}
