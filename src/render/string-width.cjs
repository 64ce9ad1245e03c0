// CommonJS twin of string-width.js for cli-table3, which measures every cell of every table.
const real = require("string-width");
const realStringWidth = real.default || real;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
module.exports = function stringWidth(text, options) {
  if (typeof text !== "string" || text.length === 0) return 0;
  const plain = text.includes("\u001b") ? text.replace(ANSI, "") : text;
  return PRINTABLE_ASCII.test(plain) ? plain.length : realStringWidth(text, options);
};
