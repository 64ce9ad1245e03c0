// Stands in for chalk's terminal detection in the bundle (see scripts/build.mjs): output.ts
// decides colour from the flags, NO_COLOR, TERM, the setting and the terminal, and sets chalk.level.
export default { stdout: false, stderr: false };
