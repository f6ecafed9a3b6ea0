import * as pulumi from "@pulumi/pulumi";
import { StackConfig, validateStackConfig } from "./validate";

/** The stack's configuration, validated as a whole before any resource is registered. */
export function readStackConfig(): StackConfig {
  return validateStackConfig(pulumi.runtime.allConfig(), pulumi.getStack());
}
