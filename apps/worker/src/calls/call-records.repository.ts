/**
 * The worker's call records are CallsRepository of libs/database (the one repository of the calls table). This
 * name stays only while apps/worker/src/edge-events/edge-events.module.ts still lists it among its providers:
 * remove both together.
 */
export { CallsRepository as CallRecordsRepository } from '@callwire/database';
