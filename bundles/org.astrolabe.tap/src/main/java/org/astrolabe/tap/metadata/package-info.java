/**
 * Service metadata of a TAP service: {@link org.astrolabe.tap.metadata.TapMetadata} gives its VOSI
 * capabilities (TAPRegExt), its tables (VOSI tables 1.1 with per-table detail fetched lazily, or
 * TAP_SCHEMA when the service has no usable {@code /tables}) and one table's columns. Get it from
 * {@link org.astrolabe.tap.TapClient#metadata()}.
 */
package org.astrolabe.tap.metadata;
