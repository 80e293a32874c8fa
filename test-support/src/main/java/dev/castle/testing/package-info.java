/**
 * What the tests of every module share: the real in-process broker, one HTTP client, and waiting on a condition.
 * Test scope only; it knows nothing of the registry.
 */
package dev.castle.testing;
