import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { commandsDoc } from "../tools/cli/commands-doc";
import { PLAN_PAGE, samplePlan, withSamplePlan } from "../tools/plan/sample-plan";

// `npm run docs:generate`: rewrites the generated parts of docs/ (a test keeps each equal to its source).
async function main(): Promise<void> {
  const projectDir = path.join(__dirname, "..");
  const commands = path.join(projectDir, "docs", "commands.md");
  writeFileSync(commands, commandsDoc());
  const page = PLAN_PAGE(projectDir);
  writeFileSync(page, withSamplePlan(readFileSync(page, "utf8"), await samplePlan(projectDir)));
  process.stdout.write(`Wrote ${commands} and the sample plan in ${page}.\n`);
}

void main();
