import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./scripts/precompress";

// The API owns these paths; in dev it runs separately on :3000 while in production it serves `dist/`
// itself, so the app always talks to its own origin and needs no CORS.
const apiTarget = "http://127.0.0.1:3000";
const apiPublicUrl = "http://localhost:3000";

export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    proxy: {
      "/trpc": { target: apiTarget, changeOrigin: false },
      // better-auth refuses state-changing requests whose Origin is not the API's PUBLIC_URL. In dev the
      // page's origin is Vite's, so the proxy presents the API's default PUBLIC_URL instead (dev only:
      // production serves the app and the API from one origin).
      "/api": { target: apiTarget, changeOrigin: false, headers: { origin: apiPublicUrl } },
      "/healthz": { target: apiTarget },
      "/readyz": { target: apiTarget },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries every page runs, in chunks named for what they hold (not for whichever app module
        // happened to be bundled first) that keep their hash, and stay cached, across app releases.
        codeSplitting: {
          groups: [
            { name: "vendor-react", test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            // The query cache and the API client only: @tanstack/virtual-core (~30 KB) is the import grid's,
            // and matching all of @tanstack would load it on every page.
            {
              name: "vendor-data",
              test: /node_modules[\\/](@trpc[\\/]|@tanstack[\\/](query-core|react-query)[\\/])/,
            },
            // Validation, which only forms and a few pages need: named, so a first load can be checked
            // not to fetch it (e2e/first-load.spec.ts).
            { name: "vendor-zod", test: /node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
});
