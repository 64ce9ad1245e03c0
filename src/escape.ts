// Text from outside the program (the learner's arguments, files, imports) is shown with its
// control characters made visible, so it can never drive the terminal: no window titles, no
// clipboard writes, no cleared screens. Pure.

// C0 controls, DEL and C1 controls; line breaks and tabs too, unless a caller keeps them.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS_KEEP_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const visible = (c: string) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;

/** `s` with every control character written out as \xNN. */
export function escapeControls(s: string, keepLines = false): string {
  return s.replace(keepLines ? CONTROLS_KEEP_LINES : CONTROLS, visible);
}

/** An argument as it is echoed back in a message: visible controls, and at most `max` characters. */
export function shown(s: string, max = 80): string {
  const e = escapeControls(s);
  return e.length > max ? `${e.slice(0, max - 1)}…` : e;
}

/**
 * JSON for other programs, safe to print: JSON.stringify escapes C0 controls but leaves DEL, the
 * C1 controls (one of which starts a terminal command) and the line separators raw.
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
