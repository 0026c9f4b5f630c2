package org.astrolabe.ui;

/**
 * Identifiers of Astrolabe's data product parts (DataLink view, FITS viewer, cutout dialog,
 * Downloads preferences, Getting Started), their job families and the names of their widgets
 * (stored with {@code Widget.setData(AstrolabeUi.WIDGET_KEY, name)}) for other plugins and UI
 * tests. The values are stable across releases.
 */
public final class DataViews {

    /** The DataLink view: links of the rows selected in the Results view. */
    public static final String DATALINK_VIEW_ID = "org.astrolabe.ui.views.datalink";
    /** The FITS viewer (a view with one instance per file; the secondary id names the file). */
    public static final String FITS_VIEW_ID = "org.astrolabe.ui.views.fits";
    /** The Getting Started view: the help's getting-started page, without a browser. */
    public static final String GETTING_STARTED_VIEW_ID = "org.astrolabe.ui.views.gettingStarted";
    /** The Downloads preference page. */
    public static final String DOWNLOADS_PREFERENCE_PAGE_ID = "org.astrolabe.ui.preferences.downloads";

    /** Jobs that resolve DataLink links. */
    public static final Object DATALINK_JOB = new Family("Astrolabe DataLink");
    /** Jobs that download files or cutouts. */
    public static final Object DOWNLOAD_JOB = new Family("Astrolabe download");
    /** Jobs that read a FITS file for the viewer. */
    public static final Object FITS_JOB = new Family("Astrolabe FITS reading");

    /** DataLink view: the DataLink {links} endpoint ({@code Text}). */
    public static final String DATALINK_SERVICE_WIDGET = "datalinkService";
    /** DataLink view: resolves the links again ({@code Button}). */
    public static final String DATALINK_RESOLVE_WIDGET = "datalinkResolve";
    /** DataLink view: what is shown or happening ({@code CLabel}). */
    public static final String DATALINK_STATUS_WIDGET = "datalinkStatus";
    /** DataLink view: the links grouped by semantics ({@code Tree}). */
    public static final String DATALINK_TREE_WIDGET = "datalinkTree";
    /** DataLink view: downloads the selected links ({@code Button}). */
    public static final String DATALINK_DOWNLOAD_WIDGET = "datalinkDownload";
    /** DataLink view: opens the cutout dialog for the selected link's dataset ({@code Button}). */
    public static final String DATALINK_CUTOUT_WIDGET = "datalinkCutout";
    /** DataLink view: opens the selected link's downloaded file in the FITS viewer ({@code Button}). */
    public static final String DATALINK_OPEN_WIDGET = "datalinkOpen";
    /** DataLink view: cancels the running resolution, download or cutout ({@code Button}). */
    public static final String DATALINK_CANCEL_WIDGET = "datalinkCancel";

    /** Cutout dialog: its shell. */
    public static final String CUTOUT_DIALOG_WIDGET = "cutoutDialog";
    /** Cutout dialog: how the request is sent ({@code Combo}: sync GET, sync POST, async). */
    public static final String CUTOUT_MODE_WIDGET = "cutoutMode";
    /** Cutout dialog: circle {@code ra dec radius} ({@code Text}) and its check box ({@code Button}). */
    public static final String CUTOUT_CIRCLE_WIDGET = "cutoutCircle";
    /** Cutout dialog: polygon vertices ({@code Text}); check box name adds {@code Use}. */
    public static final String CUTOUT_POLYGON_WIDGET = "cutoutPolygon";
    /** Cutout dialog: band in metres ({@code Text}). */
    public static final String CUTOUT_BAND_WIDGET = "cutoutBand";
    /** Cutout dialog: time in MJD ({@code Text}). */
    public static final String CUTOUT_TIME_WIDGET = "cutoutTime";
    /** Cutout dialog: polarisation states ({@code Text}). */
    public static final String CUTOUT_POL_WIDGET = "cutoutPol";
    /** Suffix of the name of a cutout field's check box, e.g. {@code cutoutCircleUse}. */
    public static final String USE_SUFFIX = "Use";
    /** Cutout dialog: why the values cannot be sent ({@code CLabel}). */
    public static final String CUTOUT_MESSAGE_WIDGET = "cutoutMessage";

    /** FITS viewer: the stretch ({@code Combo}). */
    public static final String FITS_STRETCH_WIDGET = "fitsStretch";
    /** FITS viewer: the plane of a cube ({@code Scale}), hidden for a single plane. */
    public static final String FITS_PLANE_WIDGET = "fitsPlane";
    /** FITS viewer: the plane shown and its world coordinate ({@code Label}). */
    public static final String FITS_PLANE_VALUE_WIDGET = "fitsPlaneValue";
    /** FITS viewer: the picture ({@code Canvas}). */
    public static final String FITS_CANVAS_WIDGET = "fitsCanvas";
    /** FITS viewer: pixel, value and world coordinates under the mouse ({@code StyledText}, read-only). */
    public static final String FITS_STATUS_WIDGET = "fitsStatus";
    /** FITS viewer: the header cards ({@code Table}). */
    public static final String FITS_HEADER_WIDGET = "fitsHeader";
    /**
     * FITS viewer: key of the canvas's data holding the {@code Rectangle} the picture is drawn in
     * (its shown pixels scaled to that rectangle, the file's first row at the bottom).
     */
    public static final String FITS_PICTURE_BOUNDS_KEY = "org.astrolabe.ui.fits.pictureBounds";
    /** FITS viewer: key of the canvas's data holding the {@code int[]} shown width and height. */
    public static final String FITS_PICTURE_SIZE_KEY = "org.astrolabe.ui.fits.pictureSize";

    /** Downloads preferences: the download folder. */
    public static final String PREF_DOWNLOAD_FOLDER = "downloads.folder";
    /** Downloads preferences: transfers at once per host. */
    public static final String PREF_DOWNLOAD_PARALLEL = "downloads.parallel";
    /** The DataLink service last used, offered again. */
    public static final String PREF_DATALINK_SERVICE = "datalink.service";

    private DataViews() {
    }

    private record Family(String name) {
        @Override
        public String toString() {
            return name;
        }
    }
}
