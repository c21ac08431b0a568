// This file fails to load: its tests are never collected.
import { missing } from './does-not-exist.js';

test('never collected', () => missing());
