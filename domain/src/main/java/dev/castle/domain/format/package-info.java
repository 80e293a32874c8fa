/** The schema formats: parsing with references, canonical text, normalization, compatibility and rendering. */
package dev.castle.domain.format;
