import MarkdownIt from "markdown-it";

/**
 * The commands a reader can paste from the docs, and how a test runs them.
 *
 * Convention (DEVELOPERS.md, "Commands in the docs"):
 * - Only fenced blocks whose info string is `sh` are read; `console`, `text` or unlabelled blocks are not.
 * - In them, every command line that starts with `npm run` is run from the repository root, with `CI=true`
 *   and no network, and must exit 0. A leading `npm ci && ` is dropped (the test runs in an installed
 *   checkout). A line ending in `\` continues on the next line. Other lines (`pulumi ...`, `cd ...`) are
 *   shown to the reader only.
 * - A comment marker changes that, on the command's own line or on a comment line right above it:
 *   `# docs-test: exit N [why]` expects exit code N; `# docs-test: skip <reason>` does not run it (AWS
 *   credentials, a real stack export, minutes of work): the reason is required and shown as pending.
 */
export interface DocCommand {
  /** The file, relative to the repository root. */
  readonly file: string;
  /** 1-based line of the command in that file. */
  readonly line: number;
  /** What is run, with the trailing comment removed. */
  readonly command: string;
  readonly expectedExit: number;
  /** Why it is not run, when it is not. */
  readonly skip?: string;
}

const MARKER = /^docs-test:\s*(.*)$/;
const LEADING_INSTALL = /^npm ci\s*&&\s*/;
const RUN = /^npm run(?:-script)?\s/;

/** Every runnable `npm run` command of a Markdown document, in document order. */
export function extractCommands(markdown: string, file: string): DocCommand[] {
  const commands: DocCommand[] = [];
  for (const token of new MarkdownIt().parse(markdown, {})) {
    if (token.type !== "fence" || token.info.trim().split(/\s+/)[0] !== "sh" || !token.map) continue;
    // The fence's first line is the opening ``` itself.
    const firstLine = token.map[0] + 2;
    commands.push(...commandsOfBlock(token.content, file, firstLine));
  }
  return commands;
}

function commandsOfBlock(content: string, file: string, firstLine: number): DocCommand[] {
  const commands: DocCommand[] = [];
  const lines = content.split("\n");
  let pendingMarker: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const lineNumber = firstLine + index;
    let text = lines[index].trim();
    while (text.endsWith("\\") && index + 1 < lines.length) {
      index++;
      text = `${text.slice(0, -1).trimEnd()} ${lines[index].trim()}`;
    }
    if (text === "") continue;
    const { code, comment } = splitComment(text);
    const marker = comment === undefined ? undefined : MARKER.exec(comment)?.[1];
    if (code === "") {
      // A comment line: a marker applies to the next command.
      if (marker !== undefined) pendingMarker = marker;
      continue;
    }
    const directive = marker ?? pendingMarker;
    pendingMarker = undefined;
    const command = code.replace(LEADING_INSTALL, "");
    if (!RUN.test(command)) continue;
    commands.push({ file, line: lineNumber, command, ...parseDirective(directive, file, lineNumber) });
  }
  return commands;
}

function parseDirective(
  directive: string | undefined,
  file: string,
  line: number,
): { expectedExit: number; skip?: string } {
  if (directive === undefined) return { expectedExit: 0 };
  const exit = /^exit\s+(\d+)(?:\s.*)?$/.exec(directive);
  if (exit) return { expectedExit: Number(exit[1]) };
  const skip = /^skip\b\s*(.*)$/.exec(directive);
  if (skip) {
    if (skip[1].trim() === "") {
      throw new Error(
        `${file}:${line}: "# docs-test: skip" needs a reason, e.g. "# docs-test: skip needs AWS credentials"`,
      );
    }
    return { expectedExit: 0, skip: skip[1].trim() };
  }
  throw new Error(
    `${file}:${line}: unknown marker "# docs-test: ${directive}"; use "exit N" or "skip <reason>"`,
  );
}

/** Splits a shell line at its first `#` that starts a comment: outside quotes, at the start or after a blank. */
export function splitComment(text: string): { code: string; comment?: string } {
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quote !== undefined) {
      if (char === "\\" && quote === '"') index++;
      else if (char === quote) quote = undefined;
    } else if (char === "\\") {
      index++;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === "#" && (index === 0 || /\s/.test(text[index - 1]))) {
      return { code: text.slice(0, index).trim(), comment: text.slice(index + 1).trim() };
    }
  }
  return { code: text.trim() };
}
