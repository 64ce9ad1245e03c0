// Stands in for child_process inside commander (see scripts/build.mjs): commander uses it only to
// run executable subcommands, which the tutor does not have.
function unavailable() {
  throw new Error("child_process is not bundled for commander");
}
module.exports = { spawn: unavailable, execFileSync: unavailable };
