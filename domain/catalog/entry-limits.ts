// How long an entry's fields may be. Apart from entry-input.ts and guide-input.ts so the forms can show the limits
// without shipping zod to the browser.

/** How long an entry's code, messages and retire reason may be. */
export const ENTRY_LIMITS = { code: 100, message: 500, messages: 10, retireReason: 500 } as const;

/** Limits keep one entry readable on a laptop and stop a pasted log from bloating the catalog. */
export const GUIDE_LIMITS = { title: 120, text: 5000, stepTitle: 200, stepDetail: 2000, steps: 30, reason: 500 } as const;
