/**
 * Asynchronous TAP queries as UWS jobs: {@link org.astrolabe.tap.uws.UwsJobManager} (an OSGi
 * service) creates, runs, waits for, aborts, deletes and lists jobs and fetches their results;
 * {@link org.astrolabe.tap.uws.JobInfo} and the other records are immutable value types that
 * validate their content.
 */
package org.astrolabe.tap.uws;
