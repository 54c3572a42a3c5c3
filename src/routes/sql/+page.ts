// A page of controls (files, typed text): drawn only by the app, so nothing can be chosen or typed into
// a prerendered copy before the app takes it over (and lost when it does).
export const ssr = false;
