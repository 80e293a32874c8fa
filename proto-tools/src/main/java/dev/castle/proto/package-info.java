/** Protobuf schema text and descriptors: parse, print canonically, normalize, diff. No registry knowledge. */
package dev.castle.proto;
