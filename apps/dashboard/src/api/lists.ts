// Page loaders of the lists more than one page shows (a table with Load more, a form's options).
import type { PageQuery } from '../hooks/usePagedList';
import { client, settle } from './client';

export const listSipUsers = (query: PageQuery) => settle(client.GET('/v1/sip-users', { params: { query } }));
export const listCarriers = (query: PageQuery) => settle(client.GET('/v1/carriers', { params: { query } }));
export const listApplications = (query: PageQuery) => settle(client.GET('/v1/applications', { params: { query } }));
