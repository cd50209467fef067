import type { JobsOptions } from 'bullmq';

export const WEBHOOK_DELIVERY_JOB_NAME = 'deliver';

/**
 * Options of every QueueName.WebhookDelivery job, whoever adds it (the worker's publisher and sweeper, the
 * API's replay). The job id is the delivery id, so adding a delivery that is already queued does nothing.
 * Retries of the delivery itself are the processor's (it re-delays the job on the schedule); BullMQ's
 * attempts only cover unexpected errors, and a job that exhausts them is removed so the sweeper can add it
 * again: the database row stays the source of truth.
 */
export function webhookDeliveryJobOptions(deliveryId: string): JobsOptions {
  return {
    jobId: deliveryId,
    attempts: 5,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: true,
    removeOnFail: true,
  };
}
