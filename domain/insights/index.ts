export * from "./params";
export * from "./trend";
