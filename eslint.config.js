// ESLint (flat config) with typescript-eslint's recommended rules, run by `npm test`.
// Style (layout, quotes, line breaks) is not linted: the code base is not machine-formatted
// and several people edit it at once; the rules are about mistakes.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "data/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly", setInterval: "readonly", clearInterval: "readonly", fetch: "readonly", TextDecoder: "readonly", structuredClone: "readonly" } },
    rules: {
      // `_` marks an argument kept for its position or documentation.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // Lines stay readable: long regular expressions and strings excepted.
      "max-len": ["error", { code: 400, ignoreRegExpLiterals: true, ignoreStrings: true, ignoreTemplateLiterals: true }],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-console": "off",
    },
  },
);
