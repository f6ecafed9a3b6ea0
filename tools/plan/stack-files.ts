import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";

/** Problems with the project or stack files: one line naming the file and the fix. */
export class StackFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StackFileError";
  }
}

function readYaml(file: string, hint: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new StackFileError(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code}); ${hint}`);
  }
  try {
    return parse(text);
  } catch (error) {
    throw new StackFileError(`${file}: not valid YAML (${(error as Error).message.split("\n")[0]})`);
  }
}

export function projectName(projectDir: string): string {
  const project = readYaml(path.join(projectDir, "Pulumi.yaml"), "run from the project directory") as {
    name?: unknown;
  } | null;
  if (typeof project?.name !== "string") {
    throw new StackFileError(`${path.join(projectDir, "Pulumi.yaml")}: expected a project name`);
  }
  return project.name;
}

/**
 * The stack's config as Pulumi hands it to a program: fully qualified keys, strings for scalars and JSON
 * text for objects and arrays. Keys without a namespace belong to the project, as in Pulumi.
 */
export function readStackConfigFile(
  projectDir: string,
  project: string,
  stack: string,
  file = path.join(projectDir, `Pulumi.${stack}.yaml`),
): Record<string, string> {
  const document = readYaml(file, `create it or pass --stack with an existing stack`) as {
    config?: Record<string, unknown>;
  } | null;
  const config: Record<string, string> = {};
  for (const [key, value] of Object.entries(document?.config ?? {})) {
    const qualified = key.includes(":") ? key : `${project}:${key}`;
    if (value !== null && typeof value === "object" && "secure" in value) {
      throw new StackFileError(
        `${file}: ${qualified} is a secret; the offline plan cannot decrypt it, so plan with a stack file without secrets`,
      );
    }
    config[qualified] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return config;
}
