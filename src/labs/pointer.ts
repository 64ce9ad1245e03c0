// JSON Pointer (RFC 6901) reading, for expectations and captures. Pure.

/** "/data/0/id" → ["data", "0", "id"]; "" → [] (the whole document). */
export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`"${pointer}" is not a JSON Pointer (it must start with /)`);
  return pointer
    .slice(1)
    .split("/")
    .map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"));
}

export type Lookup = { found: true; value: unknown } | { found: false };

/** The value at `pointer` in `doc`, if there is one. Array indexes must be plain decimals. */
export function getPointer(doc: unknown, pointer: string): Lookup {
  let node: unknown = doc;
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(token)) return { found: false };
      const i = Number(token);
      if (i >= node.length) return { found: false };
      node = node[i];
    } else if (node !== null && typeof node === "object") {
      if (!Object.prototype.hasOwnProperty.call(node, token)) return { found: false };
      node = (node as Record<string, unknown>)[token];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: node };
}

/** ["paths", "/v1/shows"] → "/paths/~1v1~1shows". */
export function toPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((t) => `/${String(t).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}
