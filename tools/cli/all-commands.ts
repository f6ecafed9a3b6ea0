import type { Command } from "commander";
import { benchCommand } from "../bench/cli-options";
import { investigateCommand } from "../investigate/command";
import { inventoryCommand } from "../inventory/command";
import { patternCommand } from "../pattern/options";
import { planCommand } from "../plan/command";
import { policyBuildCommand } from "../policy-build/command";
import { policyCheckCommand } from "../policy-check/command";
import { validateLogsCommand } from "../validate-logs/options";

/**
 * Every command, by npm script, with its definition and the thin entry in `scripts/` that runs it: what
 * `docs/commands.md` is generated from and what the convention tests walk. A new command adds itself here.
 */
export const ALL_COMMANDS: readonly { script: string; entry: string; definition: () => Command }[] = [
  { script: "plan", entry: "scripts/plan.ts", definition: planCommand },
  { script: "inventory", entry: "scripts/inventory.ts", definition: inventoryCommand },
  { script: "pattern", entry: "scripts/pattern.ts", definition: patternCommand },
  { script: "policy:check", entry: "scripts/policy-check.ts", definition: policyCheckCommand },
  { script: "policy:build", entry: "scripts/policy-build.ts", definition: policyBuildCommand },
  { script: "validate-logs", entry: "scripts/validate-logs.ts", definition: validateLogsCommand },
  { script: "investigate", entry: "scripts/investigate.ts", definition: investigateCommand },
  { script: "bench", entry: "scripts/bench.ts", definition: benchCommand },
];
