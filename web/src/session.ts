import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { me } from '../../src/contracts/foundation.ts';
import { ApiError, get } from './api.ts';

export type Me = z.infer<typeof me>;

/** The signed-in person and their organisations, or null when signed out. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await get<Me>('/api/v1/me');
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 30_000,
  });
}

export function useSetupStatus() {
  return useQuery({ queryKey: ['setup'], queryFn: () => get<{ needsSetup: boolean }>('/api/v1/setup') });
}
