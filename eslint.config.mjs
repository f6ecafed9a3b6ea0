import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // Stryker's sandboxes (.stryker-tmp) are full copies of the project, each with its own tsconfig.json.
  { ignores: ["node_modules/**", "bin/**", ".stryker-tmp/**", "reports/**", "**/*.js", "**/*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
);
