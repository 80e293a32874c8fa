package dev.castle.server.http;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Confluent's error body {@code {"error_code": 40401, "message": "..."}} (spec §1.2). */
public record ErrorBody(@JsonProperty("error_code") int errorCode, String message) {}
