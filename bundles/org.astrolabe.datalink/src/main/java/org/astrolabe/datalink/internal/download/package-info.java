/** Implementation of the download manager: scheduling, one transfer, file names, digests. */
package org.astrolabe.datalink.internal.download;
