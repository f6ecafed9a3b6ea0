import { formatIssues } from "../../lib/config/issues";
import { deploymentSchema, type DeploymentResource } from "./deployment-schema";
import { PolicyCheckInputError } from "./errors";
import { readJsonFile } from "./json-file";

export interface Deployment {
  /** Where the deployment came from, used as the prefix of every error message about it. */
  readonly source: string;
  readonly resources: readonly DeploymentResource[];
}

/** Validates a parsed `pulumi stack export` document; `source` names it in error messages. */
export function parseDeployment(document: unknown, source: string): Deployment {
  const parsed = deploymentSchema.safeParse(document);
  if (!parsed.success) {
    throw new PolicyCheckInputError(
      formatIssues(parsed.error.issues, document).map((line) => `${source}: ${line}`),
    );
  }
  return { source, resources: parsed.data.deployment.resources ?? [] };
}

/** Reads and validates a state or plan file in `pulumi stack export` format. */
export async function readDeployment(path: string): Promise<Deployment> {
  return parseDeployment(await readJsonFile(path, "state file"), path);
}
