/** The write path: the single-writer leader executor, the transactional log appender and the write routes. */
package dev.castle.command;
