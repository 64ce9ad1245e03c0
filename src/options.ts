// What every command receives besides its own arguments: the global flags, and the streams and
// environment it runs in (the real process by default; tests pass their own).
import type { Io } from "./io.js";

export interface GlobalOptions {
  /** false with --no-color. */
  color: boolean;
  /** false with --no-pager. */
  pager: boolean;
  /** Streams and environment; the process's own when absent. */
  io?: Io;
}
