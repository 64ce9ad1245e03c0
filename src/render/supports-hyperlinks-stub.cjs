// Stands in for supports-hyperlinks inside marked-terminal (see scripts/build.mjs): it inspects
// process.stdout when loaded, and our renderer draws links itself, never as terminal hyperlinks.
module.exports = { supportsHyperlink: () => false, stdout: false, stderr: false };
