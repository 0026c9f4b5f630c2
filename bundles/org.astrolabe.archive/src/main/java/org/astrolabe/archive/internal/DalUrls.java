package org.astrolabe.archive.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import org.astrolabe.core.sky.Angle;
import org.astrolabe.core.sky.SkyPosition;
import org.astrolabe.datalink.soda.Interval;

/** The query URLs of Simple Cone Search and SIA 1/2. Stateless. */
public final class DalUrls {

    private DalUrls() {
    }

    /** @return {@code service?RA=..&DEC=..&SR=..&VERB=..} */
    public static URI cone(URI service, SkyPosition p, Angle radius, int verb) {
        if (verb < 1 || verb > 3) {
            throw new IllegalArgumentException("VERB must be 1, 2 or 3: " + verb);
        }
        return with(service, List.of("RA", SkyPosition.format(p.ra()), "DEC", SkyPosition.format(p.dec()),
                "SR", SkyPosition.format(radius.degrees()), "VERB", Integer.toString(verb)));
    }

    /** @return {@code service?POS=ra,dec&SIZE=s[&FORMAT=f]} */
    public static URI sia1(URI service, SkyPosition p, Angle size, String format) {
        List<String> params = new ArrayList<>(List.of("POS", SkyPosition.format(p.ra()) + "," + SkyPosition.format(p.dec()),
                "SIZE", SkyPosition.format(size.degrees())));
        if (format != null && !format.isBlank()) {
            params.add("FORMAT");
            params.add(format.strip());
        }
        return with(service, params);
    }

    /** @return {@code service?POS=CIRCLE ra dec r[&BAND=lo hi][&TIME=lo hi][&MAXREC=n]} */
    public static URI sia2(URI service, SkyPosition p, Angle radius, Interval band, Interval time, OptionalLong maxrec) {
        List<String> params = new ArrayList<>(List.of("POS", "CIRCLE " + p + " " + SkyPosition.format(radius.degrees())));
        if (band != null) {
            params.add("BAND");
            params.add(band.sodaValue());
        }
        if (time != null) {
            params.add("TIME");
            params.add(time.sodaValue());
        }
        if (maxrec != null && maxrec.isPresent()) {
            params.add("MAXREC");
            params.add(Long.toString(maxrec.getAsLong()));
        }
        return with(service, params);
    }

    private static URI with(URI service, List<String> nameValues) {
        String base = service.toString();
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < nameValues.size(); i += 2) {
            pairs.add(SodaUrls.encode(nameValues.get(i)) + "=" + SodaUrls.encode(nameValues.get(i + 1)));
        }
        String sep = base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
        return URI.create(base + sep + pairs.stream().collect(Collectors.joining("&")));
    }
}
