package org.astrolabe.ui.internal.fits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.astrolabe.datalink.fits.Wcs;

/**
 * Pixel to world coordinates from an HDU's WCS keywords (FITS WCS papers I and II, Greisen &amp;
 * Calabretta 2002): the linear step through CDi_j (or CDELTi), then for the celestial pair of
 * axes the zenithal deprojection of TAN (gnomonic) or SIN (orthographic) projections and the
 * spherical rotation with the native pole at (CRVAL1, CRVAL2) and LONPOLE 180°. Other axes
 * (e.g. a cube's WAVE) are linear. Immutable and thread-safe.
 */
public final class WorldCoordinates {

    /** The celestial projections understood. */
    enum Projection {
        TAN, SIN
    }

    private final Wcs wcs;
    private final int lon;
    private final int lat;
    private final Projection projection;

    private WorldCoordinates(Wcs wcs, int lon, int lat, Projection projection) {
        this.wcs = wcs;
        this.lon = lon;
        this.lat = lat;
        this.projection = projection;
    }

    /**
     * @param wcs the keywords of an HDU
     * @return the transformation; linear on every axis when no supported celestial pair is found
     */
    public static WorldCoordinates of(Wcs wcs) {
        int lon = -1;
        int lat = -1;
        Projection projection = null;
        for (int i = 0; i < wcs.axes(); i++) {
            String type = wcs.ctype().get(i).toUpperCase(Locale.ROOT);
            Optional<Projection> p = projectionOf(type);
            if (p.isEmpty()) {
                continue;
            }
            if (type.startsWith("RA--") || type.startsWith("GLON") || type.startsWith("ELON")) {
                lon = i;
                projection = p.get();
            } else if (type.startsWith("DEC-") || type.startsWith("GLAT") || type.startsWith("ELAT")) {
                lat = i;
            }
        }
        if (lon < 0 || lat < 0) {
            return new WorldCoordinates(wcs, -1, -1, null);
        }
        return new WorldCoordinates(wcs, lon, lat, projection);
    }

    private static Optional<Projection> projectionOf(String ctype) {
        if (ctype.length() < 8) {
            return Optional.empty();
        }
        String code = ctype.substring(5, 8);
        for (Projection p : Projection.values()) {
            if (p.name().equals(code)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** @return {@code true} if two axes are celestial longitude and latitude in a supported projection */
    public boolean isCelestial() {
        return projection != null;
    }

    /** @return the index of the celestial longitude axis, or -1 */
    public int longitudeAxis() {
        return lon;
    }

    /** @return the index of the celestial latitude axis, or -1 */
    public int latitudeAxis() {
        return lat;
    }

    /**
     * @param pixel 1-based FITS pixel coordinates, one per axis (fewer: the others are taken as CRPIX)
     * @return world coordinates, one per axis; celestial ones in degrees, longitude in [0, 360)
     */
    public double[] toWorld(double... pixel) {
        int n = wcs.axes();
        double[] offset = new double[n];
        for (int i = 0; i < n; i++) {
            offset[i] = i < pixel.length ? pixel[i] - wcs.crpix().get(i) : 0;
        }
        double[] intermediate = new double[n];
        for (int i = 0; i < n; i++) {
            if (wcs.cd().isEmpty()) {
                intermediate[i] = wcs.cdelt().get(i) * offset[i];
            } else {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += wcs.cd().get(i).get(j) * offset[j];
                }
                intermediate[i] = sum;
            }
        }
        double[] world = new double[n];
        for (int i = 0; i < n; i++) {
            world[i] = wcs.crval().get(i) + intermediate[i];
        }
        if (projection != null) {
            double[] sky = deproject(intermediate[lon], intermediate[lat], wcs.crval().get(lon),
                    wcs.crval().get(lat));
            world[lon] = sky[0];
            world[lat] = sky[1];
        }
        return world;
    }

    /** Intermediate (x, y) in degrees to (longitude, latitude) in degrees. */
    private double[] deproject(double x, double y, double lon0, double lat0) {
        double r = Math.hypot(x, y);
        double phi = r == 0 ? 0 : Math.atan2(x, -y);
        double theta = switch (projection) {
            case TAN -> Math.atan2(180 / Math.PI, r);
            case SIN -> Math.acos(Math.min(1, Math.toRadians(r)));
        };
        double phiP = Math.PI; // LONPOLE = 180 deg for a zenithal projection with lat0 != 90
        double d0 = Math.toRadians(lat0);
        double sinT = Math.sin(theta);
        double cosT = Math.cos(theta);
        double dPhi = phi - phiP;
        double alpha = Math.toDegrees(Math.atan2(-cosT * Math.sin(dPhi),
                sinT * Math.cos(d0) - cosT * Math.sin(d0) * Math.cos(dPhi))) + lon0;
        double delta = Math.toDegrees(Math.asin(Math.clamp(sinT * Math.sin(d0) + cosT * Math.cos(d0) * Math.cos(dPhi),
                -1, 1)));
        alpha = ((alpha % 360) + 360) % 360;
        return new double[] {alpha, delta};
    }

    /**
     * @param pixel 1-based FITS pixel coordinates
     * @return a line such as {@code RA 12:00:00.000 Dec +00:00:00.00 (180.000000°, +0.000000°)} and,
     *         for other axes, {@code WAVE 5.1e-07 m}
     */
    public String describe(double... pixel) {
        double[] world = toWorld(pixel);
        List<String> parts = new ArrayList<>();
        if (projection != null) {
            boolean equatorial = wcs.ctype().get(lon).toUpperCase(Locale.ROOT).startsWith("RA");
            if (equatorial) {
                parts.add("RA " + Sexagesimal.hours(world[lon]) + "  Dec " + Sexagesimal.degrees(world[lat])
                        + String.format(Locale.ROOT, "  (%.6f°, %+.6f°)", world[lon], shown(world[lat])));
            } else {
                parts.add(String.format(Locale.ROOT, "%s %.6f°  %s %+.6f°", axisName(lon), world[lon],
                        axisName(lat), shown(world[lat])));
            }
        }
        for (int i = 0; i < world.length; i++) {
            if (i != lon && i != lat && i < pixel.length) {
                String unit = wcs.cunit().get(i).isBlank() ? "" : " " + wcs.cunit().get(i).strip();
                parts.add(axisName(i) + " " + String.format(Locale.ROOT, "%.6g", world[i]) + unit);
            }
        }
        return String.join("   ", parts);
    }

    /**
     * @param axis a non-celestial axis index (0-based)
     * @param pixel 1-based FITS pixel coordinates
     * @return e.g. {@code WAVE 5.4e-07 m}, or "" when the axis does not exist or is celestial
     */
    public String describeAxis(int axis, double... pixel) {
        if (axis < 0 || axis >= wcs.axes() || axis == lon || axis == lat) {
            return "";
        }
        String unit = wcs.cunit().get(axis).isBlank() ? "" : " " + wcs.cunit().get(axis).strip();
        return axisName(axis) + " " + String.format(Locale.ROOT, "%.4g", toWorld(pixel)[axis]) + unit;
    }

    /** Rounds to the 6 decimals shown, without a "-0.000000". */
    private static double shown(double degrees) {
        return Math.round(degrees * 1e6) / 1e6 + 0.0;
    }

    private String axisName(int axis) {
        String type = wcs.ctype().get(axis);
        int dash = type.indexOf('-');
        String name = (dash > 0 ? type.substring(0, dash) : type).strip();
        return name.isEmpty() ? "axis " + (axis + 1) : name;
    }
}
