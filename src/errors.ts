// Every failure a user can cause is one of these; main.ts turns them into a one-line message and
// an exit code. Anything else is a bug and is reported as such.

export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input from the user: unknown ids, bad flags, bad config values. Exit 2. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** An interactive command was started without a terminal to interact with. Exit 2. */
export class NoTtyError extends CliError {
  constructor(what: string, hint: string) {
    super(`${what} needs an interactive terminal; ${hint}`, EXIT.usage);
  }
}

/** The user pressed Ctrl+C (or closed the prompt). Exit 130, like a shell. */
export class CancelledError extends CliError {
  constructor() {
    super("cancelled", EXIT.interrupted);
  }
}

/** Course content failed validation: every problem, each as file:line: message. Exit 1. */
export class ContentError extends CliError {
  constructor(readonly problems: readonly string[]) {
    super(
      `the course content has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n` +
        problems.map((p) => `  ${p}`).join("\n"),
      EXIT.failure,
    );
  }
}
