// Keyset (cursor) pagination: a page starts after the last item of the one
// before, so rows inserted meanwhile never shift what comes next.
import type { Request } from "express";
import { badParameters } from "./problem.js";

export interface SortKey {
  field: string;
  desc: boolean;
}

type Key = (string | number)[];

interface CursorState {
  sort: string;
  filters: Record<string, string>;
  after: Key;
}

/** "-startsAt,title" → keys; unknown fields are a 400. */
export function parseSort(value: string, allowed: string[]): SortKey[] {
  const keys = value.split(",").map((part) => ({
    field: part.replace(/^-/, ""),
    desc: part.startsWith("-"),
  }));
  const bad = keys.find((k) => !allowed.includes(k.field));
  if (bad) {
    throw badParameters([
      { parameter: "sort", detail: `sort by ${allowed.join(", ")}` },
    ]);
  }
  return keys;
}

const encode = (c: CursorState) =>
  Buffer.from(JSON.stringify(c)).toString("base64url");

function decode(cursor: string): CursorState | undefined {
  try {
    const c = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    return Array.isArray(c?.after) && typeof c.sort === "string"
      ? c
      : undefined;
  } catch {
    return undefined;
  }
}

function compareKeys(a: Key, b: Key, sort: SortKey[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    const order = x < y ? -1 : 1;
    // The id that ends every key breaks ties in ascending order.
    return sort[i]?.desc ? -order : order;
  }
  return 0;
}

export interface PageRequest {
  sort: SortKey[];
  /** The filters in force: a cursor only works with the same ones. */
  filters: Record<string, string>;
  limit: number;
  cursor?: string;
}

export function paginate<T extends { id: string }>(
  items: T[],
  page: PageRequest,
  valueOf: (item: T, field: string) => string | number,
): { data: T[]; nextCursor: string | null } {
  const sortText = page.sort
    .map((k) => (k.desc ? "-" : "") + k.field)
    .join(",");
  const keyOf = (item: T): Key => [
    ...page.sort.map((k) => valueOf(item, k.field)),
    item.id,
  ];
  const sorted = [...items].sort((a, b) =>
    compareKeys(keyOf(a), keyOf(b), page.sort),
  );
  let start = 0;
  if (page.cursor !== undefined) {
    const c = decode(page.cursor);
    const same =
      c?.sort === sortText &&
      JSON.stringify(c.filters) === JSON.stringify(page.filters);
    if (!c || !same) {
      throw badParameters([
        {
          parameter: "cursor",
          detail: "is not a cursor issued for this sort and these filters",
        },
      ]);
    }
    start = sorted.findIndex(
      (i) => compareKeys(keyOf(i), c.after, page.sort) > 0,
    );
    if (start < 0) start = sorted.length;
  }
  const data = sorted.slice(start, start + page.limit);
  const more = start + page.limit < sorted.length;
  const last = data.at(-1);
  const nextCursor =
    more && last
      ? encode({ sort: sortText, filters: page.filters, after: keyOf(last) })
      : null;
  return { data, nextCursor };
}

/** The RFC 8288 `Link` to the next page: this request with the new cursor. */
export function nextLink(req: Request, cursor: string): string {
  const url = new URL(req.originalUrl, "http://encore.invalid");
  url.searchParams.set("cursor", cursor);
  return `<${url.pathname}${url.search}>; rel="next"`;
}
