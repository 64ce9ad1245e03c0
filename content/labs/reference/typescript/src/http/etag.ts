// Strong ETags from the representation itself: the same JSON, the same tag.
import { createHash } from "node:crypto";

export function etagOf(representation: unknown): string {
  const hash = createHash("sha256")
    .update(JSON.stringify(representation))
    .digest("base64url");
  return `"${hash.slice(0, 22)}"`;
}

/** If-Match: "*" or a list of tags; strong comparison (RFC 9110 13.1.1). */
export function ifMatchHolds(header: string, current: string): boolean {
  if (header.trim() === "*") return true;
  return header
    .split(",")
    .map((t) => t.trim())
    .some((t) => !t.startsWith("W/") && t === current);
}
