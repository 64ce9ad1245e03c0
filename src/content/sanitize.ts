// Course text from outside the built-in course is untrusted: a title or a lesson could carry
// terminal escape sequences (OSC 52 writes the clipboard, OSC 0 retitles the window, CSI clears
// the screen) or bare control characters. Every string the loader reads passes through here once,
// so nothing it hands on can drive the terminal: only the renderer's own styling reaches it.
// Pure: text in, clean text and the places that were cleaned out.

export interface Removed {
  /** 1-based line of the text where the removed characters were. */
  line: number;
  message: string;
}

// One alternation, tried left to right at each control character:
//  - CSI: ESC [ or the C1 byte 0x9b, parameters, intermediates, a final byte;
//  - OSC and the string commands (DCS, SOS, PM, APC), 7-bit or C1, up to BEL or ST; the payload is
//    removed with them, but never past a line break, so line numbers stay right;
//  - any other ESC with its intermediates and final byte (ESC c resets the terminal);
//  - any remaining C0 (except tab and line feed), DEL and C1 character.
// eslint-disable-next-line no-control-regex
const CONTROLS = /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -/]*[0-~]?|[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

// A character reference that markdown would decode into a control character (&#27; &#x9b;).
const CONTROL_REFERENCE = /&#(?:(\d{1,7})|[xX]([0-9a-fA-F]{1,6}));/g;

function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f);
}

function describe(seq: string): string {
  const c0 = seq.charCodeAt(0);
  if (c0 === 0x1b || (c0 >= 0x80 && c0 <= 0x9f && seq.length > 1)) {
    const kind = seq[1] === "]" || c0 === 0x9d ? "OSC (window title, clipboard, links)" : seq[1] === "[" || c0 === 0x9b ? "CSI (cursor, screen, colour)" : "escape";
    return `a terminal escape sequence, ${kind}, was removed`;
  }
  const hex = c0.toString(16).toUpperCase().padStart(4, "0");
  return `control character U+${hex} was removed`;
}

/** Lines at which each match offset falls, computed in one pass. */
function lineAt(text: string): (offset: number) => number {
  let line = 1;
  let at = 0;
  return (offset) => {
    // Offsets arrive in increasing order: count the line feeds between the last one and this.
    for (; at < offset; at++) if (text.charCodeAt(at) === 10) line++;
    return line;
  };
}

/**
 * Strips escape sequences and control characters (tab and line feed stay), and character
 * references that decode to them. A byte order mark at the start and CRLF line endings are
 * normal text-editor output and are accepted silently.
 */
export function sanitizeText(text: string, firstLine = 1, removed?: Removed[]): string {
  let s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (s.includes("\r")) s = s.replace(/\r\n/g, "\n");
  // eslint-disable-next-line no-control-regex
  if (!/[\x00-\x08\x0b-\x1f\x7f-\x9f]|&#/.test(s)) return s;
  const at = lineAt(s);
  s = s.replace(CONTROLS, (seq, offset: number) => {
    removed?.push({ line: at(offset) + firstLine - 1, message: describe(seq) });
    return "";
  });
  if (s.includes("&#")) {
    const at2 = lineAt(s);
    s = s.replace(CONTROL_REFERENCE, (ref, dec: string | undefined, hex: string | undefined, offset: number) => {
      const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
      if (!isControl(code)) return ref;
      removed?.push({ line: at2(offset) + firstLine - 1, message: `the character reference ${ref} (a control character) was removed` });
      return "";
    });
  }
  return s;
}

/** Makes any string safe to print in a message: control characters become visible escapes. */
export function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
