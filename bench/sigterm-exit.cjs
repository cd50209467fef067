// Preloaded (node -r) into profiled servers: SIGTERM becomes a normal exit, so --cpu-prof writes its profile.
process.prependListener('SIGTERM', () => process.exit(0));
