// Replaced by the package.json version at build time (tsdown `define`, scripts/tsdown-preset.ts).
declare const __EXTENDKIT_VERSION__: string | undefined;

/**
 * The version of the extendkit packages (one fixed release group, so one version), taken from
 * package.json when the package is built; never edited by hand. Unbuilt source reads `0.0.0-dev`.
 */
export const VERSION: string =
  typeof __EXTENDKIT_VERSION__ === "string" ? __EXTENDKIT_VERSION__ : "0.0.0-dev";
