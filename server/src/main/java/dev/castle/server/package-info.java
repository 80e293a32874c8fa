/** The running node: configuration, lifecycle, the embedded broker and the HTTP conventions. */
package dev.castle.server;
