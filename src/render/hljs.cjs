// Stand-in for `highlight.js` in the bundle: the core plus only the languages lessons use.
// Registering all ~190 languages costs more start-up time than the rest of the renderer.
const hljs = require("highlight.js/lib/core");
const languages = {
  typescript: require("highlight.js/lib/languages/typescript"),
  javascript: require("highlight.js/lib/languages/javascript"),
  python: require("highlight.js/lib/languages/python"),
  php: require("highlight.js/lib/languages/php"),
  csharp: require("highlight.js/lib/languages/csharp"),
  json: require("highlight.js/lib/languages/json"),
  http: require("highlight.js/lib/languages/http"),
  bash: require("highlight.js/lib/languages/bash"),
  yaml: require("highlight.js/lib/languages/yaml"),
  sql: require("highlight.js/lib/languages/sql"),
  xml: require("highlight.js/lib/languages/xml"),
  dockerfile: require("highlight.js/lib/languages/dockerfile"),
  plaintext: require("highlight.js/lib/languages/plaintext"),
};
for (const [name, lang] of Object.entries(languages)) hljs.registerLanguage(name, lang);
module.exports = hljs;
module.exports.default = hljs;
