// Vitest setup for every database test file: the application clock starts pinned to FIXED_TODAY, so no database
// test reads the machine's date (issue 13 §10). A file that needs another day calls pinTestToday(date) itself.
import { pinTestToday } from './fixed-clock.ts';

pinTestToday();
