/** The read routes of the registry API, answered from the local {@link dev.castle.domain.RegistryView} with no network hop. */
package dev.castle.query;
