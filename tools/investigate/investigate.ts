import {
  KEY_ORIGIN,
  renderQuestion,
  type Question,
  type TimeWindow,
  type TimelineRow,
} from "../../lib/investigation";
import type { Engine } from "./engine";

/** One hop of an access key's lineage: the key, and the call that issued it (if the logs hold it). */
export interface LineageHop {
  key: string;
  issuedBy?: TimelineRow;
}

export interface Answer {
  rows: TimelineRow[];
  /** For `access-key`: the key, then the key that issued it, back to a key whose origin is not in the logs. */
  lineage?: LineageHop[];
}

/** Beyond this many hops a chain is a loop the logs cannot explain (role chaining allows at most a few). */
const MAX_HOPS = 10;

export async function investigate(
  engine: Engine,
  question: Question,
  value: string | undefined,
  window: TimeWindow,
  progress?: (status: string) => void,
): Promise<Answer> {
  const literal = value === undefined ? undefined : { literal: value };
  const rows = await engine.run(renderQuestion(question, engine.dialect, literal, { window }), progress);
  if (question.name !== "access-key" || value === undefined) return { rows };

  // Follow AssumeRole/GetSessionToken/GetFederationToken/CreateAccessKey back: each issuing call was
  // made with a key of its own. The origin can precede the window (a key created months ago), so
  // only the window's end bounds the search.
  const lineage: LineageHop[] = [];
  const seen = new Set<string>();
  let key: string | undefined = value;
  while (key && !seen.has(key) && lineage.length < MAX_HOPS) {
    seen.add(key);
    const origin = await engine.run(
      renderQuestion(KEY_ORIGIN, engine.dialect, { literal: key }, { window: { to: window.to }, limit: 1 }),
      progress,
    );
    lineage.push({ key, ...(origin[0] && { issuedBy: origin[0] }) });
    key = origin[0]?.access_key ?? undefined;
  }
  const known = new Set(rows.map((row) => row.event_id));
  const origins = lineage.flatMap((hop) =>
    hop.issuedBy && !known.has(hop.issuedBy.event_id) ? [hop.issuedBy] : [],
  );
  const merged = [...rows, ...origins].sort((a, b) => (a.time ?? "").localeCompare(b.time ?? ""));
  return { rows: merged, lineage };
}
