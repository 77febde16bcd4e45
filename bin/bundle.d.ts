/** Whether bin/closeloop.js may run dist/server/ (see bundle.js). */
export function bundleIsCurrent(root: URL, env?: Record<string, string | undefined>): boolean;
