import * as path from "node:path";

/** Real CloudTrail records of attack techniques (Stratus Red Team, Apache-2.0), kept in the repository. */
export const CORPUS_DIR = path.join(__dirname, "..", "fixtures", "stratus-red-team");
