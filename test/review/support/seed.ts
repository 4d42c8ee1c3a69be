export { DAY_MS, daysAgoAtNoon, isoDay, seedResponse, type SeedResponse } from '../../../bench/review/seed-response.js';
