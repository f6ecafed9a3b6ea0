import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { measureAdversarialGrowth } from "./adversarial-patterns";
import { runToSuccess } from "./child-process";
import { filterPatternFigures, measureFilterPatterns } from "./filter-patterns";
import { skippedFigure, type Figure } from "./figures";
import { measureInventory } from "./inventory";
import type { BenchMode } from "./json-report";
import { measureNpmCi, measureNpmTest } from "./npm-commands";
import { measurePlanScaling } from "./plan-scaling";
import { measurePolicyCheck, type SizePlan } from "./policy-check";
import { measureProdPlan } from "./prod-plan";
import type { RunPlan } from "./stats";

export const MEASUREMENT_NAMES = [
  "plan",
  "prod-plan",
  "inventory",
  "filter-patterns",
  "policy-check",
  "npm-ci",
  "npm-test",
] as const;
export type MeasurementName = (typeof MEASUREMENT_NAMES)[number];

interface Settings {
  readonly plan: RunPlan & { readonly sizes: readonly number[] };
  readonly prodPlan: RunPlan;
  readonly inventory: RunPlan;
  readonly filterPatterns: RunPlan & { readonly records: number };
  readonly policy: {
    readonly startup: RunPlan;
    readonly sizes: readonly SizePlan[];
    readonly floor: SizePlan;
  };
  /** Undefined: skipped in this mode. */
  readonly npmCi?: RunPlan;
  readonly npmTest: boolean;
}

/** Quick mode keeps every figure but measures fewer runs and a tenth of the records (about 2 minutes). */
export const SETTINGS: Readonly<Record<BenchMode, Settings>> = {
  quick: {
    plan: { sizes: [10, 1_000, 10_000], warmup: 1, runs: 3 },
    prodPlan: { warmup: 1, runs: 2 },
    inventory: { warmup: 1, runs: 3 },
    filterPatterns: { records: 100_000, warmup: 1, runs: 5 },
    policy: {
      startup: { warmup: 1, runs: 3 },
      // 10,000 resources take seconds per check: one run, on a pack the smaller sizes have warmed up.
      sizes: [
        { resources: 100, warmup: 1, runs: 3 },
        { resources: 1_000, warmup: 1, runs: 3 },
        { resources: 10_000, warmup: 0, runs: 1 },
      ],
      floor: { resources: 1_000, warmup: 1, runs: 3 },
    },
    npmTest: false,
  },
  full: {
    plan: { sizes: [10, 1_000, 10_000], warmup: 2, runs: 7 },
    prodPlan: { warmup: 1, runs: 5 },
    inventory: { warmup: 1, runs: 5 },
    filterPatterns: { records: 1_000_000, warmup: 1, runs: 5 },
    policy: {
      startup: { warmup: 1, runs: 5 },
      sizes: [
        { resources: 100, warmup: 2, runs: 5 },
        { resources: 1_000, warmup: 2, runs: 5 },
        { resources: 10_000, warmup: 1, runs: 3 },
      ],
      floor: { resources: 1_000, warmup: 2, runs: 5 },
    },
    npmCi: { warmup: 1, runs: 3 },
    npmTest: true,
  },
};

const INVENTORY_SHAPES = [
  { accounts: 1_000, ous: 50 },
  { accounts: 10_000, ous: 200 },
];
const THROTTLE_RATES = [0, 0.2];

export interface BenchOptions {
  readonly mode: BenchMode;
  readonly projectDir: string;
  /** Only these measurements, in table order. @default all */
  readonly only?: readonly MeasurementName[];
  readonly onProgress?: (message: string) => void;
}

interface Context {
  readonly settings: Settings;
  readonly projectDir: string;
  /** `npm run plan -- --out` writes here; the policy check replicates it. */
  readonly planExport: string;
  readonly progress: (message: string) => void;
}

const TITLES: Record<MeasurementName, string> = {
  plan: "offline plan by organization size",
  "prod-plan": "npm run plan (prod stack)",
  inventory: "inventory through the loopback endpoint",
  "filter-patterns": "filter patterns over generated records",
  "policy-check": "policy check over gRPC",
  "npm-ci": "npm ci",
  "npm-test": "npm test",
};

const MEASUREMENTS: Record<MeasurementName, (context: Context) => Promise<Figure[]>> = {
  plan: ({ settings, projectDir, progress }) =>
    measurePlanScaling({ ...settings.plan, projectDir, onProgress: progress }),
  "prod-plan": ({ settings, projectDir, planExport, progress }) =>
    measureProdPlan({ ...settings.prodPlan, projectDir, exportTo: planExport, onProgress: progress }),
  inventory: ({ settings, progress }) =>
    measureInventory({
      ...settings.inventory,
      shapes: INVENTORY_SHAPES,
      throttleRates: THROTTLE_RATES,
      onProgress: progress,
    }),
  "filter-patterns": async ({ settings, progress }) => [
    ...filterPatternFigures(measureFilterPatterns({ ...settings.filterPatterns, onProgress: progress })),
    ...measureAdversarialGrowth(),
  ],
  "policy-check": async (context) => {
    await ensurePlanExport(context);
    const { startup, sizes, floor } = context.settings.policy;
    return measurePolicyCheck({
      planExport: context.planExport,
      startup,
      sizes,
      protocolFloor: floor,
      onProgress: context.progress,
    });
  },
  "npm-ci": async ({ settings, projectDir, progress }) =>
    settings.npmCi
      ? measureNpmCi({ ...settings.npmCi, projectDir, onProgress: progress })
      : [skippedFigure("npm.ci", "npm ci --prefer-offline (for the record)", "s", "skipped (quick)")],
  "npm-test": async ({ settings, projectDir, progress }) =>
    settings.npmTest
      ? measureNpmTest({ projectDir, onProgress: progress })
      : [skippedFigure("npm.test", "npm test (for the record)", "s", "skipped (quick)")],
};

/**
 * Runs the measurements one after another (never two at once: they would share the two cores) and returns
 * every figure in table order. A measurement that fails gives one error row; the others still run.
 */
export async function runBench(options: BenchOptions): Promise<Figure[]> {
  const names = MEASUREMENT_NAMES.filter((name) => !options.only || options.only.includes(name));
  const workDir = mkdtempSync(join(tmpdir(), "org-governance-bench-"));
  const figures: Figure[] = [];
  try {
    for (const [index, name] of names.entries()) {
      const prefix = `[${index + 1}/${names.length}] ${TITLES[name]}`;
      options.onProgress?.(prefix);
      const context: Context = {
        settings: SETTINGS[options.mode],
        projectDir: options.projectDir,
        planExport: join(workDir, "prod-plan.json"),
        progress: (message) => options.onProgress?.(`${prefix}: ${message}`),
      };
      try {
        figures.push(...(await MEASUREMENTS[name](context)));
      } catch (error) {
        const message = (error instanceof Error ? error.message : String(error)).split("\n")[0];
        figures.push({ id: `${name}.error`, measurement: TITLES[name], unit: "count", error: message });
      }
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  return figures;
}

/** The policy check needs the prod plan's export; without the prod-plan measurement, plan once for it. */
async function ensurePlanExport(context: Context): Promise<void> {
  if (existsSync(context.planExport)) return;
  context.progress("planning the prod stack for its export");
  const tsNode = join(context.projectDir, "node_modules", "ts-node", "dist", "bin.js");
  await runToSuccess(
    process.execPath,
    [tsNode, "--transpile-only", "tools/plan/command.ts", "--no-policy", "--out", context.planExport],
    { cwd: context.projectDir },
    "planning the prod stack",
  );
}
