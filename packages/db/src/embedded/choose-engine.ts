import type { EmbeddedDatabaseEngine } from "@vitae/contracts";
import type { BinariesLookup } from "./binaries";

/** The engine embedded mode runs, and the sentence the log line gives for it. */
export interface EngineChoice {
  engine: "postgres" | "pglite";
  reason: string;
  /** True when the operator should act (the slower engine runs, or data is left aside). */
  notable: boolean;
}

/** What the data directory and the machine offer. */
export interface EngineFacts {
  setting: EmbeddedDatabaseEngine;
  /** `<DATA_DIR>/postgres` holds an initialised cluster. */
  hasPostgresData: boolean;
  /** `<DATA_DIR>/pglite` holds a PGlite database (from an earlier version, or chosen). */
  hasPgliteData: boolean;
  binaries: BinariesLookup;
}

/**
 * Picks the engine, never silently switching a user's data to another engine: an existing PostgreSQL
 * cluster needs the binaries (else this throws), an existing PGlite database keeps PGlite under `auto`
 * (the operator migrates by choosing `postgres`), and a fresh directory gets PostgreSQL when this machine
 * can run it, PGlite otherwise. Throws with the sentence to show when the setting cannot be honoured.
 */
export function chooseEmbeddedEngine(facts: EngineFacts): EngineChoice {
  const { setting, binaries } = facts;
  const unavailable = binaries.available ? "" : binaries.reason;
  if (setting === "pglite") {
    return { engine: "pglite", reason: "EMBEDDED_DATABASE=pglite", notable: false };
  }
  if (setting === "postgres" || facts.hasPostgresData) {
    if (!binaries.available) {
      const why =
        setting === "postgres"
          ? "EMBEDDED_DATABASE=postgres"
          : "DATA_DIR/postgres holds a PostgreSQL cluster";
      throw new Error(
        `${why}, but the embedded PostgreSQL cannot run here: ${unavailable}. ` +
          "Install dependencies on a supported platform (linux-x64, linux-arm64, macOS), or set DATABASE_URL.",
      );
    }
    if (facts.hasPgliteData && !facts.hasPostgresData) {
      return {
        engine: "postgres",
        reason:
          "EMBEDDED_DATABASE=postgres: starting a new, empty PostgreSQL database; the PGlite data in " +
          "DATA_DIR/pglite is left untouched and not used",
        notable: true,
      };
    }
    return {
      engine: "postgres",
      reason: facts.hasPostgresData ? "existing cluster" : "new cluster",
      notable: false,
    };
  }
  if (facts.hasPgliteData) {
    return {
      engine: "pglite",
      reason:
        "DATA_DIR/pglite holds data from an earlier version, so PGlite keeps running it (several times " +
        "slower under load). EMBEDDED_DATABASE=postgres starts a new, empty PostgreSQL database instead " +
        "and leaves the PGlite data untouched",
      notable: true,
    };
  }
  if (!binaries.available) {
    return {
      engine: "pglite",
      reason: `the embedded PostgreSQL cannot run here (${unavailable}); PGlite runs instead (several times slower under load)`,
      notable: true,
    };
  }
  return { engine: "postgres", reason: "new cluster", notable: false };
}
