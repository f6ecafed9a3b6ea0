import { CIS_CONTROLS } from "./cis";
import { EXTENDED_CONTROLS } from "./extended";
import type { MonitoringControl } from "./types";

/** Every control: CIS first in benchmark order, then the opt-in extended set. */
export const CONTROLS: readonly MonitoringControl[] = [...CIS_CONTROLS, ...EXTENDED_CONTROLS];

export const CIS_CONTROL_IDS: readonly string[] = CIS_CONTROLS.map((control) => control.id);

export type ControlSelection = "cis" | "all" | readonly string[];

export class UnknownControlError extends Error {
  constructor(readonly unknownIds: readonly string[]) {
    const list = unknownIds.map((id) => `"${id}"`).join(", ");
    super(
      `unknown control id${unknownIds.length > 1 ? "s" : ""} ${list}; valid ids: ${CONTROLS.map((c) => c.id).join(", ")}`,
    );
    this.name = "UnknownControlError";
  }
}

export function controlById(id: string): MonitoringControl | undefined {
  return CONTROLS.find((control) => control.id === id);
}

/**
 * The controls for a selection: "cis" (the default set), "all", or explicit ids. Explicit ids come back
 * once each, in catalog order, so the deployed resources do not depend on how the list was written.
 */
export function selectControls(selection: ControlSelection): readonly MonitoringControl[] {
  if (selection === "cis") return CIS_CONTROLS;
  if (selection === "all") return CONTROLS;
  const unknown = selection.filter((id) => controlById(id) === undefined);
  if (unknown.length > 0) throw new UnknownControlError([...new Set(unknown)]);
  const wanted = new Set(selection);
  return CONTROLS.filter((control) => wanted.has(control.id));
}
