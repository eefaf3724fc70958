export * from "./cooccurrence"
export * from "./mmr"
export * from "./outfit-rules"
