export * from "./ask";
export * from "./document-errors";
export * from "./embedded-database";
export * from "./error-codes";
export * from "./limits";
export * from "./plans";
export * from "./roles";
export * from "./scopes";
