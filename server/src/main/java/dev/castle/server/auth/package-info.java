/**
 * HTTP Basic authentication and authorization of the registry listener with Karapace's authfile (spec §9): users,
 * their password hashes, Read/Write rules on {@code Config:} and {@code Subject:<regex>}, reloading, the audit log and
 * the {@code mkpasswd} tool.
 */
package dev.castle.server.auth;
