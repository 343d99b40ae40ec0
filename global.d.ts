import type { FORMATS } from "./i18n/formats";

// Named date formats are checked at compile time: a typo in format.dateTime(date, "minute") fails the build.
declare module "next-intl" {
  interface AppConfig {
    Formats: typeof FORMATS;
  }
}
