/** Where a user sets how he is told (his own channels; a unit's with notification.manage). */
export const NOTIFICATION_CHANNELS_PATH = '/notification-channels';
