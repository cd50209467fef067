/**
 * Preloaded (-r) into the API when bench:routing profiles it: node's --cpu-prof writes its profile only on a
 * normal exit, while Nest's shutdown hooks end the process by re-raising the signal. (bench/cpu-profile.ts does
 * the same with --import, which would load the TypeScript entry point as an ES module.)
 */
process.prependListener('SIGTERM', () => process.exit(0));
