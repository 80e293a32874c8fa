/** Karapace's HTTP conventions in one place: media types, request bodies, error bodies, ETags. */
package dev.castle.rest.http;
