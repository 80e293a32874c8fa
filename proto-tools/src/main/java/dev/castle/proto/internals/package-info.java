/** Helpers behind the proto-tools API: printing, descriptor building, name resolution and the diff walk. */
package dev.castle.proto.internals;
