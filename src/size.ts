// How big the terminal is: its live size when stdout is a terminal, else COLUMNS and LINES. Kept
// apart from output.ts so that --help can ask without loading the rest of the terminal object.
import { ttyOf, type Io } from "./io.js";

function positive(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function columnsOf(io: Io): number {
  return (ttyOf(io, 1) ? io.stdout.columns : undefined) || positive(io.env.COLUMNS) || 80;
}

export function rowsOf(io: Io): number {
  return (ttyOf(io, 1) ? io.stdout.rows : undefined) || positive(io.env.LINES) || 24;
}
