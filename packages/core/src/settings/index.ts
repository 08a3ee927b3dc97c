export {
  addWorkingDays,
  endOfShanghaiDay,
  isWorkingDay,
  shanghaiDay,
  workingDaysBetween,
  type HolidayCalendar,
} from './calendar.rules.js';
export { CalendarService } from './calendar.service.js';
export { PlatformSettingsService } from './settings.service.js';
export { DEFAULT_GRADING, DEFAULT_SHARING, DEFAULT_TRADE } from './settings.defaults.js';
export { createSettings, type SettingsServices } from './settings.factory.js';
