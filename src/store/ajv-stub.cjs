// Stand-in for ajv and ajv-formats in the bundle. conf imports them at load time but only uses
// them when given a JSON schema; we never pass one (the store is checked with zod), and parsing
// ajv would cost every command tens of milliseconds.
function unavailable() {
  throw new Error("conf's JSON-schema validation is not bundled; validate with zod instead");
}
module.exports = { Ajv2020: unavailable, default: unavailable };
