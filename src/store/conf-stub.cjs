// Stand-in for ajv, ajv-formats and semver inside conf in the bundle. conf imports them at load
// time but uses ajv only when given a JSON schema and semver only for its own migrations; we pass
// neither (the store is checked with valibot and migrated by migrate.ts), and loading them would
// cost every command tens of milliseconds.
function unavailable() {
  throw new Error("conf's JSON-schema validation is not bundled; validate with zod instead");
}
module.exports = { Ajv2020: unavailable, default: unavailable, eq: unavailable, clean: unavailable, satisfies: unavailable, lte: unavailable, gt: unavailable };
