import { defineConfig } from "drizzle-kit";

/** drizzle-kit reads this to generate SQL migrations into `drizzle/` (committed); `pnpm generate`. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./drizzle",
  casing: "snake_case",
});
