import type { Page } from '../api/types';
import type { PageQuery } from './usePagedList';
import { type Resource, useResource } from './useResource';

/** A list to pick from in a form (its first 100 items, the API's largest page); `load` is a list's page loader. */
export function useOptions<T>(key: string, load: (page: PageQuery) => Promise<Page<T>>): Resource<T[]> {
  return useResource(`options ${key}`, async () => (await load({ limit: 100 })).data);
}
