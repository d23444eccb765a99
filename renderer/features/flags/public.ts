/** Flags share nothing with other features: they plug into the service page only. */
export {};
