// Validates the course's contract as an OpenAPI 3.1 document with a maintained validator. Only
// `validate` and the tests load this (it is large); the loader's example checks do not need it.
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";

export async function validateOpenApi(file: string): Promise<string[]> {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(file, "utf8"));
  } catch (e) {
    return [`${file}: cannot be read as YAML: ${(e as Error).message.split("\n")[0]}`];
  }
  const { validate } = await import("@readme/openapi-parser");
  // External references could reach the network or the disk: the contract is one self-contained file.
  const result = await validate(structuredClone(doc) as never, { resolve: { external: false } } as never);
  if (result.valid) return [];
  return result.errors.map((e) => `${file}: not valid OpenAPI 3.1: ${e.message.replace(/\s+/g, " ").trim()}`);
}
