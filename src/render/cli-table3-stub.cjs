// Stand-in for cli-table3 inside marked-terminal, whose table renderer we replace (markdown.ts
// draws tables itself), so its layout code never needs loading.
module.exports = function Table() {
  throw new Error("tables are drawn by src/render/markdown.ts");
};
