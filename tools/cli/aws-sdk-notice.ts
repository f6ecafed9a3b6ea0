/** The variable the AWS SDK for JavaScript v3 reads before warning that a Node.js version nears its end. */
export const AWS_SDK_NODE_NOTICE = "AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED";

/**
 * Silences the AWS SDK's notice that its releases after January 2027 need Node.js 22: the project's
 * commands print what the user asked for, and the project supports Node.js 20 until then. Set before any
 * client is constructed (the SDK checks in each client's constructor); a value the user set is kept.
 */
export function quietAwsSdkNodeNotice(env: NodeJS.ProcessEnv = process.env): void {
  env[AWS_SDK_NODE_NOTICE] ??= "true";
}
