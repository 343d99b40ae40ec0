import type { Formats } from "next-intl";

/**
 * Every date in the UI goes through one of these, so a time always says which zone it is in: colleagues read
 * the same share link from different places, and vendor logs and tickets mix zones.
 */
export const DISPLAY_TIME_ZONE = "Asia/Shanghai";

export const FORMATS = {
  dateTime: {
    day: { year: "numeric", month: "short", day: "numeric" },
    minute: { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" },
    second: {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      timeZoneName: "short",
    },
  },
} satisfies Formats;
