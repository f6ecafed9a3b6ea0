import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { commandsDoc } from "../tools/cli/commands-doc";

// `npm run docs:commands`: rewrites docs/commands.md from the commands' definitions.
const file = path.join(__dirname, "..", "docs", "commands.md");
writeFileSync(file, `${commandsDoc()}`);
process.stdout.write(`Wrote ${file}.\n`);
