/**
 * A state file, plan file or policy config the user supplied is malformed. Each entry of `lines` is one complete
 * message naming the file, the path inside it and the fix; the CLI prints them and exits 2.
 */
export class PolicyCheckInputError extends Error {
  readonly lines: readonly string[];

  constructor(lines: readonly string[]) {
    super(lines.join("\n"));
    this.name = "PolicyCheckInputError";
    this.lines = lines;
  }
}

/** The policy pack could not be started or stopped answering: the check could not run, so nothing passed. */
export class PolicyPackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PolicyPackError";
  }
}
