export { NotificationService, notifyUsers, type NewNotification } from './notifications.service.js';
