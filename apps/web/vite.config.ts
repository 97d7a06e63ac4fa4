import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The API owns these paths; in dev it runs separately on :3000 while in production it serves `dist/`
// itself, so the app always talks to its own origin and needs no CORS.
const apiTarget = "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/trpc": { target: apiTarget, changeOrigin: false },
      "/healthz": { target: apiTarget },
      "/readyz": { target: apiTarget },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
  },
});
