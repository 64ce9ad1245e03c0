// Stand-in for `string-width` in the bundle: the same answer, but plain ASCII (nearly all of
// our text) is measured by its length instead of by Intl.Segmenter, which is slow per call.
import realStringWidth from "string-width";

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m|\u001b\]8;;[^\u0007\u001b]*(?:\u0007|\u001b\\)/g;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export default function stringWidth(text, options) {
  if (typeof text !== "string" || text.length === 0) return 0;
  const plain = text.includes("\u001b") ? text.replace(ANSI, "") : text;
  if (PRINTABLE_ASCII.test(plain)) return plain.length;
  return realStringWidth(text, options);
}
