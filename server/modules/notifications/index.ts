// The notifications module's face: what other modules may use. Nothing else of the module is imported from outside it.
export { type NotifyInput, type NotifyOutcome, type NotifyRecipients, notify } from './notify';
export { deliverDue, type DeliverOptions, type DeliverOutcome } from './deliver';
export { sendReportReminders } from './reminders';
