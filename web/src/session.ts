import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { me } from '../../src/contracts/foundation.ts';
import { ApiError } from './api/client.ts';
import { sessionKeys } from './api/keys.ts';
import { accountApi } from './features/account/api.ts';

export type Me = z.infer<typeof me>;

/** The signed-in person and their organisations, or null when signed out. */
export function useMe() {
  return useQuery({
    queryKey: sessionKeys.me,
    queryFn: async () => {
      try {
        return await accountApi.me();
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 30_000,
  });
}

export function useSetupStatus() {
  return useQuery({ queryKey: sessionKeys.setup, queryFn: accountApi.setupStatus });
}
