export * from "./ask";
export * from "./document-errors";
export * from "./error-codes";
export * from "./exports";
export * from "./limits";
export * from "./plans";
export * from "./roles";
export * from "./scopes";
