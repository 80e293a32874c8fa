/** The produce path: the request body, the schemas it names, the records' bytes, one shared producer. */
package dev.castle.rest.produce;
