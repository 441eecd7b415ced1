/**
 * Set-up of the end-to-end project: a longer hang guard, as these tests wait on child processes that share two
 * cores with the rest of the run. A test that reaches it is stuck, not slow; no test measures time.
 */
import { jest } from '@jest/globals';

jest.setTimeout(300_000);
