// The dashboard's implementation stays where it is (other code imports it there); billing code imports it from here.
export { madridToday } from "@/lib/dashboard/madrid-today";

/** 'YYYY-MM-DD' plus whole days, as calendar arithmetic (no time zone or daylight-saving drift). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
