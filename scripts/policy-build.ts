import { Command, CommanderError } from "commander";
import { type CommandIO, runAsProcess } from "../tools/cli/io";
import { buildPolicyPack, DEFAULT_OUT_DIR, displayPath } from "../tools/policy-build/build-pack";
import { PackBuildError } from "../tools/policy-build/manifest";

export const EXIT_BUILT = 0;
export const EXIT_CANNOT_BUILD = 2;

const EXIT_CODES = `
Exit codes:
  0  the pack was written
  2  it could not be (bad usage, an --out that is not empty, a bundling error)`;

/**
 * `npm run policy:build`: writes the policy pack as a self-contained, publishable directory (bundled
 * JavaScript, package.json, PulumiPolicy.yaml), ready for `pulumi policy publish` and
 * `pulumi preview --policy-pack DIR` anywhere.
 */
export async function main(argv: string[], io: CommandIO): Promise<number> {
  const program = new Command("npm run policy:build --")
    .description(
      "Write the policy pack as a self-contained directory: index.js (policy-pack/ and all it imports, " +
        "bundled), a package.json that depends only on @pulumi/policy and " +
        "@pulumi/pulumi, and PulumiPolicy.yaml.",
    )
    .option(
      "--out <dir>",
      "directory to write (created; must be empty or hold an earlier build)",
      displayPath(DEFAULT_OUT_DIR),
    )
    .option("--json", "print one JSON document describing the built pack instead of the text report", false)
    .helpOption("-h, --help", "show this help")
    .addHelpText("after", EXIT_CODES)
    .showSuggestionAfterError()
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text.trimEnd()),
      writeErr: (text) => io.stderr(text.trimEnd()),
    });

  try {
    program.parse(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === "commander.helpDisplayed" || error.code === "commander.version"
        ? EXIT_BUILT
        : EXIT_CANNOT_BUILD;
    }
    throw error;
  }
  const options = program.opts<{ out: string; json: boolean }>();

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

if (require.main === module) runAsProcess(main);
