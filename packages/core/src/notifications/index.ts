export {
  NotificationService,
  notifyUsers,
  notifyOrg,
  type NewNotification,
} from './notifications.service.js';
