// Staff type dates as the wall clock in Madrid (<input type="datetime-local">, no zone); the server
// may run in UTC, so the zone is applied here rather than left to the runtime's.

const ZONE = "Europe/Madrid";
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Minutes Madrid is ahead of UTC at that instant (60 in winter, 120 in summer). */
function madridOffsetMinutes(at: Date): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** "2026-12-03T10:30" read as Madrid time; null for anything else or a day that does not exist. */
export function parseMadridDateTime(value: string): Date | null {
  const match = LOCAL.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(wall).getUTCDate() !== day) return null;
  // Twice: the first guess may sit on the other side of a daylight-saving change.
  let instant = wall - madridOffsetMinutes(new Date(wall)) * 60_000;
  instant = wall - madridOffsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant);
}

/** The value a datetime-local input shows for that instant, in Madrid time. */
export function toMadridInput(at: Date): string {
  const shifted = new Date(at.getTime() + madridOffsetMinutes(at) * 60_000);
  return shifted.toISOString().slice(0, 16);
}
