/**
 * The offline tools of {@code castle.jar}: backing up and restoring {@code _schemas} (Castle's line format and
 * Karapace's v1, v2 and v3), rebuilding it from a live registry, and importing another registry's subjects.
 */
package dev.castle.server.backup;
