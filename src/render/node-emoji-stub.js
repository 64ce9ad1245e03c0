// Stand-in for node-emoji: marked-terminal imports it at load time, but only uses it when its
// `emoji` option is on, and ours is off. Its emoji tables would cost every lesson start-up.
export function emojify(text) {
  return text;
}
