// Stands in for @inquirer/editor in the bundle (see scripts/build.mjs): the tutor never opens an
// editor, and the real prompt brings half a megabyte of character-set converters.
module.exports = function editor() {
  throw new Error("the editor prompt is not bundled");
};
module.exports.default = module.exports;
