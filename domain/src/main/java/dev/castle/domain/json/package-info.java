/** Request bodies as Confluent clients send them, read with Jackson (unknown properties ignored). */
package dev.castle.domain.json;
