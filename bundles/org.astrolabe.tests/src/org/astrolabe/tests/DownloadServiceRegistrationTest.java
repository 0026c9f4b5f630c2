package org.astrolabe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.astrolabe.datalink.download.DownloadManager;
import org.astrolabe.datalink.fits.FitsReader;
import org.junit.jupiter.api.Test;

/** The datalink bundle's download and FITS services are registered by DS and reachable from another bundle. */
class DownloadServiceRegistrationTest {

    @Test
    void downloadManagerAndFitsReaderAreRegisteredByDatalink() throws Exception {
        Services.get(DownloadManager.class);
        Services.get(FitsReader.class);
        assertEquals("org.astrolabe.datalink", Services.provider(DownloadManager.class));
        assertEquals("org.astrolabe.datalink", Services.provider(FitsReader.class));
    }
}
