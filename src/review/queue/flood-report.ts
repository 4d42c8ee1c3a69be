import type { DeliveryLog } from '../../alerts/delivery-log.js';
import type { Logger } from '../../logging/logger.js';
import type { FloodCaps } from './flood-caps.js';

/**
 * Tells what the flood caps held back on this instance since the last report: one warning line
 * ("suppressed N …") and one entry in the delivery log that /review/alerts shows. Nothing when
 * nothing was held back.
 */
export async function reportSuppressed(caps: FloodCaps, deliveries: DeliveryLog, logger: Logger): Promise<void> {
  const suppressed = caps.takeTally();
  const alerts = suppressed.duplicateAlerts + suppressed.alertsOverCap;
  if (alerts + suppressed.reviewItems === 0) return;
  const summary = `suppressed ${alerts} detractor alert(s) (${suppressed.duplicateAlerts} from a source already alerted, ${suppressed.alertsOverCap} over the per-minute cap) and ${suppressed.reviewItems} review item(s) over the per-source cap`;
  logger.warn({ suppressed }, summary);
  await deliveries.record({ kind: 'flood', subject: new Date().toISOString().slice(0, 16), deliveryId: '', attempt: 0, outcome: 'suppressed', status: 0, error: summary, ms: 0 });
}
