// Keys as the screens see them: a name ("down", "enter", "q", "?") plus modifiers. Node's readline
// does the decoding of escape sequences.

export interface Key {
  /** "up", "down", "pageup", "enter", "escape", "backspace", "space", or the character typed. */
  name: string;
  /** The printable character typed, if any. */
  ch?: string;
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
}

interface ReadlineKey {
  name?: string;
  sequence?: string;
  ctrl?: boolean;
  meta?: boolean;
  shift?: boolean;
}

export function toKey(str: string | undefined, key: ReadlineKey | undefined): Key {
  // eslint-disable-next-line no-control-regex
  const ch = str && !key?.ctrl && !key?.meta && /^[^\u0000-\u001f\u007f]$/u.test(str) ? str : undefined;
  let name = key?.name ?? ch ?? key?.sequence ?? "";
  if (name === "return") name = "enter";
  // readline names letters in lower case and marks shift; "G" stays "G" for the screens.
  if (ch && /^[A-Za-z]$/.test(ch)) name = ch;
  return { name, ch, ctrl: Boolean(key?.ctrl), meta: Boolean(key?.meta), shift: Boolean(key?.shift) };
}

export const is = {
  cancel: (k: Key) => k.ctrl && (k.name === "c" || k.name === "C"),
  back: (k: Key) => k.name === "escape" || k.name === "q" || k.name === "left",
  enter: (k: Key) => k.name === "enter",
  up: (k: Key) => k.name === "up" || (k.ctrl && k.name === "p"),
  down: (k: Key) => k.name === "down" || (k.ctrl && k.name === "n"),
  pageDown: (k: Key) => k.name === "pagedown" || (k.ctrl && (k.name === "f" || k.name === "d")),
  pageUp: (k: Key) => k.name === "pageup" || (k.ctrl && (k.name === "b" || k.name === "u")),
  home: (k: Key) => k.name === "home" || k.name === "g",
  end: (k: Key) => k.name === "end" || k.name === "G",
};
