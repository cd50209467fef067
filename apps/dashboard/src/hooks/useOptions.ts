import { api } from '../api/client';
import type { Page } from '../api/types';
import { type Resource, useResource } from './useResource';

/** A list to pick from in a form (its first 100 items, the API's largest page). */
export function useOptions<T>(path: string): Resource<T[]> {
  return useResource(`options ${path}`, async () => (await api.get<Page<T>>(path, { limit: 100 })).data);
}
