import type { Command } from "commander";
import { defineCommand, jsonOption, runCommand } from "../cli/command";
import type { CommandIO } from "../cli/io";
import { buildPolicyPack, DEFAULT_OUT_DIR, displayPath } from "./build-pack";
import { PackBuildError } from "./manifest";

export const EXIT_BUILT = 0;
export const EXIT_CANNOT_BUILD = 2;

/** The pack builder's flags; `--help` and usage errors answer before anything is bundled. */
export function policyBuildCommand(): Command {
  return defineCommand({
    name: "policy:build",
    summary:
      "Writes the policy pack as a self-contained directory: index.js (policy-pack/ and all it imports, " +
      "bundled), a package.json that depends only on @pulumi/policy and @pulumi/pulumi, and PulumiPolicy.yaml.",
    exitCodes: {
      [EXIT_BUILT]: "the pack was written",
      [EXIT_CANNOT_BUILD]: "it could not be (bad usage, an --out that is not empty, a bundling error)",
    },
  })
    .option(
      "--out <dir>",
      "directory to write (created; must be empty or hold an earlier build)",
      displayPath(DEFAULT_OUT_DIR),
    )
    .addOption(jsonOption());
}

interface PolicyBuildOptions {
  out: string;
  json?: boolean;
}

/**
 * `npm run policy:build`: writes the policy pack as a self-contained, publishable directory (bundled
 * JavaScript, package.json, PulumiPolicy.yaml), ready for `pulumi policy publish` and
 * `pulumi preview --policy-pack DIR` anywhere.
 */
export function main(argv: string[], io: CommandIO): Promise<number> {
  return runCommand<PolicyBuildOptions>(policyBuildCommand(), argv, io, (options) => build(options, io));
}

async function build(options: PolicyBuildOptions, io: CommandIO): Promise<number> {
  try {
    if (io.isTTY) io.stderr("bundling policy-pack/…");
    const built = await buildPolicyPack({ outDir: options.out });
    if (options.json) {
      io.stdout(JSON.stringify(built, null, 2));
    } else {
      const dependencies = Object.entries(built.dependencies).map(([name, version]) => `${name}@${version}`);
      io.stdout(
        `Built policy pack ${built.name} ${built.version} in ${displayPath(built.outDir)}: ` +
          `${built.files.join(", ")} (${built.bundledInputs} source files bundled, ${Math.round(built.bundleBytes / 1024)} KiB)`,
      );
      io.stdout(`It installs only ${dependencies.join(" and ")}. Next, from that directory:`);
      io.stdout("  npm install && pulumi policy publish <org>   # see docs/policy-enforcement.md");
    }
    return EXIT_BUILT;
  } catch (error) {
    if (error instanceof PackBuildError) {
      io.stderr(error.message);
      return EXIT_CANNOT_BUILD;
    }
    io.stderr(`policy build failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_CANNOT_BUILD;
  }
}
