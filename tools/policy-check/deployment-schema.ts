import { z } from "zod";

/** Property bags are checked value by value later, when they are converted to what the engine sends. */
const propertyMap = z.record(z.string(), z.unknown());
const urnList = z.array(z.string());

// A stack name and a project name never contain ':'; a qualified type contains single ':' but never '::'.
const URN_PATTERN = /^urn:pulumi:[^:]+::[^:]+::(?:[^:]|:(?!:))+::/;

/**
 * One resource of a `pulumi stack export` (ResourceV3). Only the fields the analyzer protocol carries are
 * declared; everything else an export holds (created, modified, sourcePosition, ...) is allowed and ignored.
 */
export const deploymentResourceSchema = z.looseObject({
  urn: z.string().regex(URN_PATTERN, "a URN like urn:pulumi:<stack>::<project>::<type>::<name>"),
  custom: z.boolean(),
  type: z.string().min(1, "a resource type token like aws:s3/bucket:Bucket"),
  id: z.string().optional(),
  delete: z.boolean().optional(),
  inputs: propertyMap.optional(),
  outputs: propertyMap.optional(),
  parent: z.string().optional(),
  provider: z.string().optional(),
  protect: z.boolean().optional(),
  dependencies: urnList.optional(),
  propertyDependencies: z.record(z.string(), urnList).optional(),
  additionalSecretOutputs: z.array(z.string()).optional(),
  aliases: urnList.optional(),
  ignoreChanges: z.array(z.string()).optional(),
  customTimeouts: z
    .looseObject({
      create: z.number().optional(),
      update: z.number().optional(),
      delete: z.number().optional(),
    })
    .optional(),
});

/** `pulumi stack export` output (an UntypedDeployment holding a DeploymentV3), as our plan writer also emits. */
export const deploymentSchema = z.looseObject({
  version: z.literal(3, "3 (the `pulumi stack export` format version)"),
  deployment: z.looseObject({
    manifest: z.looseObject({}).optional(),
    resources: z.array(deploymentResourceSchema).optional(),
  }),
});

export type DeploymentResource = z.infer<typeof deploymentResourceSchema>;
export type DeploymentDocument = z.infer<typeof deploymentSchema>;
