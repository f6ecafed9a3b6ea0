// Mocha loads TypeScript through ts-node without type-checking: `npm run typecheck` checks the whole
// project once, which is faster than checking every test file again as it loads.
// The AWS SDK's notice that its 2027 releases need Node.js 22 is not a test result (tools/cli/aws-sdk-notice.ts).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

require("ts-node").register({
  transpileOnly: true,
  project: require("path").join(__dirname, "../../tsconfig.json"),
});
