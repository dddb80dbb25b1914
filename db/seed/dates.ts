const DAY_MS = 24 * 60 * 60 * 1000;

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** A calendar date n days from today, as Postgres `date` text ('YYYY-MM-DD'), in the server's time zone. */
export function daysFromToday(days: number): string {
  const date = new Date(Date.now() + days * DAY_MS);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A moment n days from now at the given local hour, so demo timestamps look like office activity. */
export function momentFromToday(days: number, hour = 10, minute = 0): Date {
  const date = new Date(Date.now() + days * DAY_MS);
  date.setHours(hour, minute, 0, 0);
  return date;
}

/** 'YYYY-MM-DD' as written in Spain (dd/mm/yyyy), for text that a person would have typed. */
export function spanishDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}/${month}/${year}`;
}
