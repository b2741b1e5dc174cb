/** Today as YYYY-MM-DD in the device's time zone: what "due today" and "overdue" mean to the person looking. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
