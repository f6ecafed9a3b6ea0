// Preloaded with `node -r`: at exit, writes every loaded module's file to stderr, one a line, so a test
// can tell what a command loaded without timing it.
process.on("exit", () => process.stderr.write(`${Object.keys(require.cache).join("\n")}\n`));
