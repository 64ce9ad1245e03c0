// Where the checks are sent: the learner's base URL, kept to this machine unless they say
// otherwise (a lab sends writes), and a first look at whether anything is listening there.
import { connect } from "node:net";
import { isIP } from "node:net";
import { CliError, UsageError } from "../errors.js";
import type { Stack } from "../content/model.js";

/** Where each stack's development server listens by default. */
export const DEFAULT_PORTS: Record<Stack, number> = { typescript: 3000, python: 8000, php: 8000, csharp: 5000 };

export const START_COMMANDS = "`npm run dev`, `uvicorn main:app`, `php artisan serve`, `dotnet run`";

export function defaultBaseUrl(stack: Stack): string {
  return `http://127.0.0.1:${DEFAULT_PORTS[stack]}`;
}

const bare = (host: string) => host.replace(/^\[|\]$/g, "").toLowerCase();

export function isLoopback(hostname: string): boolean {
  const h = bare(hostname);
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  if (isIP(h) === 6) return h === "::1" || /^::ffff:127\./.test(h) || /^::ffff:7f[0-9a-f]{2}:/.test(h);
  return false;
}

/** Checks a base URL: http(s), no credentials, no query; loopback unless remote is allowed. */
export function parseBaseUrl(input: string, allowRemote: boolean): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new UsageError(`"${input}" is not a URL; give one like http://127.0.0.1:3000`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`the base URL must start with http:// or https://, not ${url.protocol}//`);
  if (url.username || url.password) throw new UsageError("the base URL must not contain a user name or password");
  if (url.search || url.hash) throw new UsageError("the base URL must not have a query or fragment; give the server's root, such as http://127.0.0.1:3000");
  if (!allowRemote && !isLoopback(url.hostname)) {
    throw new UsageError(`${url.host} is not this machine; a lab sends writes (POST, PATCH), so it only talks to localhost unless you pass --allow-remote`);
  }
  url.pathname = url.pathname.replace(/\/+$/, "");
  return url;
}

/** The base URL as text, without a trailing slash. */
export function baseText(url: URL): string {
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

function port(url: URL): number {
  return Number(url.port) || (url.protocol === "https:" ? 443 : 80);
}

function tryConnect(host: string, p: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port: p });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/**
 * Finds the address that answers. For `localhost` both 127.0.0.1 and ::1 are tried (servers
 * often listen on only one of them) and the one that answers is used from then on.
 */
export async function reach(url: URL, timeoutMs = 2_000): Promise<URL> {
  const host = bare(url.hostname);
  const candidates = host === "localhost" ? ["127.0.0.1", "::1"] : [host];
  for (const candidate of candidates) {
    if (await tryConnect(candidate, port(url), timeoutMs)) {
      if (candidate === host) return url;
      const resolved = new URL(url.href);
      resolved.hostname = isIP(candidate) === 6 ? `[${candidate}]` : candidate;
      return resolved;
    }
  }
  const tried = candidates.length > 1 ? ` (tried ${candidates.map((c) => (isIP(c) === 6 ? `[${c}]` : c)).join(" and ")})` : "";
  throw new CliError(`nothing is listening on ${baseText(url)}${tried}; start your server (${START_COMMANDS}) or pass --base-url`);
}
