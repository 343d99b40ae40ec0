export * from "./auth";
export * from "./catalog";
export * from "./diagnosis";
export * from "./audit";
export * from "./settings";
