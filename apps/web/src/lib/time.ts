import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import relativeTime from 'dayjs/plugin/relativeTime';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(relativeTime);

/** DESIGN.md §4: time is stored in UTC and always shown in Asia/Shanghai, whatever the browser's zone. */
export const DISPLAY_TZ = 'Asia/Shanghai';

export function toShanghai(iso: string): Dayjs {
  return dayjs.utc(iso).tz(DISPLAY_TZ);
}

export function formatTime(iso: string | null | undefined, pattern = 'YYYY-MM-DD HH:mm:ss'): string {
  return iso ? toShanghai(iso).format(pattern) : '—';
}

export function formatDate(iso: string | null | undefined): string {
  return formatTime(iso, 'YYYY-MM-DD');
}

export function fromNow(iso: string): string {
  return toShanghai(iso).fromNow();
}

/** A date-time picked in the UI, read as Shanghai wall time, as an ISO string with its +08:00 offset. */
export function pickerToIso(value: Dayjs): string {
  return dayjs.tz(value.format('YYYY-MM-DDTHH:mm:ss'), DISPLAY_TZ).format();
}

export function setDayjsLocale(lang: 'zh-CN' | 'en-US'): void {
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
}

export { dayjs };
