/** A configuration, option or data file the user wrote is wrong: exit 2 with a message naming it. */
export class ConfigError extends Error {}
