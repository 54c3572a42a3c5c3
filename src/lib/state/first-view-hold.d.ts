// Types of first-view-hold.js (plain JS: svelte.config.js imports it to hash the script).
export const HOLD_ATTRIBUTE: string;
export const FIRST_VIEW_HOLD_SCRIPT: string;
