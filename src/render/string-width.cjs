// Stand-in for string-width inside cli-table3, which measures every cell of every table:
// fast-string-width gives the same widths without string-width's slow start-up.
const fast = require("fast-string-width");
module.exports = fast.default || fast;
