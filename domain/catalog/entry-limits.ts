/**
 * How long an entry's code, messages and retire reason may be. Apart from entry-input.ts so the forms can show the
 * limits without shipping zod to the browser.
 */
export const ENTRY_LIMITS = { code: 100, message: 500, messages: 10, retireReason: 500 } as const;
