// Validates the course's contract as an OpenAPI 3.1 document against the specification's own
// JSON Schema (@seriousme/openapi-schema-validator, the validator lab 06 uses on the learner's
// document). Only `validate` and the tests load this; the loader's example checks do not need it.
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";

export async function validateOpenApi(file: string): Promise<string[]> {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(file, "utf8"));
  } catch (e) {
    return [`${file}: cannot be read as YAML: ${(e as Error).message.split("\n")[0]}`];
  }
  if (!doc || typeof doc !== "object" || typeof (doc as { openapi?: unknown }).openapi !== "string" || !/^3\.1\./.test((doc as { openapi: string }).openapi)) {
    return [`${file}: not an OpenAPI 3.1 document (openapi: 3.1.x)`];
  }
  const { Validator } = await import("@seriousme/openapi-schema-validator");
  // An object, never a string (a string is read as a file name); a copy, as it may be annotated.
  const result = await new Validator().validate(structuredClone(doc) as never);
  if (result.valid) return [];
  const errors = Array.isArray(result.errors) ? (result.errors as { instancePath?: string; message?: string }[]) : [{ instancePath: "", message: String(result.errors) }];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of errors) {
    const line = `${file}: not valid OpenAPI 3.1: ${e.instancePath ? decodeURIComponent(e.instancePath) : "/"} ${e.message ?? "is invalid"}`;
    if (!seen.has(line)) out.push(line);
    seen.add(line);
  }
  return out;
}
