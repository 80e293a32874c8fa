package dev.castle.domain;

/**
 * A reference from one schema to a version of another subject: {@code {"name","subject","version"}}.
 * {@code version} -1 means "latest" in a request and is resolved to a concrete version before storing.
 */
public record SchemaReference(String name, String subject, int version) {}
