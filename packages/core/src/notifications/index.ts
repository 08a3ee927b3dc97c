export {
  NotificationService,
  notifyUsers,
  notifyOrg,
  memberIds,
  type NewNotification,
} from './notifications.service.js';
