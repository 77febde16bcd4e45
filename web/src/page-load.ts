// The address the app was loaded at, read when the entry chunk runs: the shell and the pages load their
// code later (route-level code splitting, #16), by which time the router may have moved on.
export const pathAtLoad = window.location.pathname;
