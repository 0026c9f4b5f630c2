/**
 * Downloads of many files at once: {@link org.astrolabe.datalink.download.DownloadManager} (an OSGi
 * service) with parallel, resumable, verified transfers and one
 * {@link org.astrolabe.datalink.download.DownloadOutcome} per URL.
 */
package org.astrolabe.datalink.download;
