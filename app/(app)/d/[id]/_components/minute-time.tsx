import { getFormatter } from "next-intl/server";

/** A moment to the minute in the reader's time zone, with the full ISO time as a tooltip. */
export async function MinuteTime({ value }: { value: Date }) {
  const format = await getFormatter();
  return (
    <time dateTime={value.toISOString()} title={value.toISOString()}>
      {format.dateTime(value, "minute")}
    </time>
  );
}
