/** Resources share nothing with other features yet: they plug into the service page only. */
export {};
