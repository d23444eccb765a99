// The flags feature's public entry (docs/architecture.md, "Features"): nothing other features use yet.
export {};
