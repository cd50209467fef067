// Unit specs run without the per-run database and Redis prefix (the unit project has no globalSetup). Point
// both at a closed port, so a spec that reaches for PostgreSQL or Redis fails at once instead of quietly using
// whatever .env or the shell names: such a spec belongs in the medium or e2e layer. Jest gives every spec file
// its own copy of process.env, so this never reaches the medium or e2e specs of the same run.
process.env.DATABASE_URL = 'postgresql://unit-specs-have-no-database@127.0.0.1:1/none';
process.env.REDIS_URL = 'redis://127.0.0.1:1';
