import { selectControls } from "../controls";
import { stackNames } from "../stack-names";
import { CONFIG_NAMESPACE } from "./schema";
import type { StackConfig } from "./validate";

/**
 * What a stack can be deployed with, but should not be left with: alarms that notify nobody. The topic is
 * still created, so a subscription added later (e-mail, a chat integration, a SIEM queue) receives them.
 */
export function monitoringWarnings(config: StackConfig): string[] {
  if (config.monitoring.emails.length > 0) return [];
  const alarms = selectControls(config.monitoring.controls).length;
  const topic = stackNames(config.trail.name).alarmTopic;
  return [
    `${CONFIG_NAMESPACE}:monitoring.emails is empty: the ${alarms} alarms publish to the SNS topic ${topic}, which notifies nobody; add addresses to ${CONFIG_NAMESPACE}:monitoring.emails or subscribe the topic yourself`,
  ];
}
