import type { Queue } from 'bullmq';

/**
 * Keeps the BullMQ job scheduler `id` adding `job` every `every` ms. Its id is shared by every worker, so
 * each job runs once whichever worker takes it. With `every` 0 the scheduler is removed; the result says
 * whether one was.
 */
export async function keepJobScheduler<T>(
  queue: Queue,
  id: string,
  every: number,
  job: { readonly name: string; readonly data: T },
): Promise<{ readonly removed: boolean }> {
  if (every === 0) return { removed: await queue.removeJobScheduler(id) };
  await queue.upsertJobScheduler(
    id,
    { every },
    { name: job.name, data: job.data, opts: { removeOnComplete: true, removeOnFail: { count: 100 } } },
  );
  return { removed: false };
}
