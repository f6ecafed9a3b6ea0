// Mocha loads TypeScript through ts-node without type-checking: `npm run typecheck` checks the whole
// project once, which is faster than checking every test file again as it loads.
require("ts-node").register({
  transpileOnly: true,
  project: require("path").join(__dirname, "../../tsconfig.json"),
});
