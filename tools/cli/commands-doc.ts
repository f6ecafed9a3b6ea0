import { ALL_COMMANDS } from "./all-commands";
import { describeCommand, type CommandDescription } from "./command";

/** `docs/commands.md`, generated from the commands' own definitions so that it cannot drift from them. */
export function commandsDoc(): string {
  const described = ALL_COMMANDS.map(({ definition }) => describeCommand(definition()));
  return [
    "# Commands",
    "",
    "<!-- Generated from the commands' definitions by `npm run docs:generate`; a test keeps it equal. -->",
    "",
    "Every command runs offline unless it says otherwise, answers `--help`, and shares these conventions:",
    "`--json` prints one JSON document on stdout instead of the text report; `--out FILE` writes a file and",
    "is refused before any work when its directory does not exist; an unknown flag gets a suggestion; a",
    "usage error is one line on stderr and exit code 2. Progress appears on stderr only when it is a terminal.",
    "",
    "| command | what it does | exit codes |",
    "| --- | --- | --- |",
    ...described.map((c) => `| \`npm run ${c.name}\` | ${cell(c.summary)} | ${cell(exitCodes(c))} |`),
    "",
    ...described.flatMap(section),
  ].join("\n");
}

function section(command: CommandDescription): string[] {
  return [
    `## \`npm run ${command.name}\``,
    "",
    command.summary,
    "",
    "```",
    `${command.usage}${command.arguments.map((a) => ` ${a.flags}`).join("")}`,
    "```",
    "",
    "| flag | meaning | default |",
    "| --- | --- | --- |",
    ...[...command.arguments, ...command.options].map(
      (o) =>
        `| \`${o.flags}\` | ${cell(o.description)} | ${o.default === undefined ? "" : `\`${o.default}\``} |`,
    ),
    "",
    "| exit code | meaning |",
    "| --- | --- |",
    ...Object.entries(command.exitCodes).map(([code, meaning]) => `| ${code} | ${cell(meaning)} |`),
    "",
  ];
}

function exitCodes(command: CommandDescription): string {
  return Object.entries(command.exitCodes)
    .map(([code, meaning]) => `${code} ${meaning}`)
    .join("; ");
}

/** Markdown table cells: a pipe would end the cell. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}
