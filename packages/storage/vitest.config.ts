import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // s3rver 3.7.1 (the S3 test server) encrypts ListObjectsV2 continuation tokens with DES, which
    // OpenSSL 3 only offers through its legacy provider; without it every truncated listing is a 500.
    execArgv: ["--openssl-legacy-provider"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
