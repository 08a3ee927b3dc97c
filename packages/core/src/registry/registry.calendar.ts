// The working-day calendar is the platform's one calendar (settings domain); the registry counts on it too.
export {
  addWorkingDays,
  endOfShanghaiDay,
  isWorkingDay,
  shanghaiDay,
  workingDaysBetween,
  type HolidayCalendar,
} from '../settings/index.js';
