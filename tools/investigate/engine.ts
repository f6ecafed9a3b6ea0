import type { Dialect } from "../../lib/investigation";
import type { TimelineRow } from "../../lib/investigation/render";

/** An engine runs a question's SQL and hands back timeline rows. */
export interface Engine {
  readonly dialect: Dialect;
  /** Runs one statement; `progress` receives a short status while it runs. */
  run(sql: string, progress?: (status: string) => void): Promise<TimelineRow[]>;
  close(): Promise<void>;
}

/** The engine could not run (bad input, credentials, access denied, a failed query): exit 2. */
export class EngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EngineError";
  }
}
