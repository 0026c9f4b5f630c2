package org.astrolabe.archive;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

import org.astrolabe.core.registry.ServiceAddress;

/**
 * An archive as the catalogue knows it: its TAP service and, where it has them, its DataLink,
 * login, cone search and SIA services. Addresses may be URLs or IVOA identifiers that a registry
 * resolves. Immutable and thread-safe.
 *
 * @param name short name users type ({@code cadc}); lower-case letters, digits, {@code . _ -}
 * @param title a human-readable title, or ""
 * @param profile which table model the recipes query
 * @param tap the TAP service
 * @param dataLink the DataLink {links} service, or {@code null} (ObsCore recipes then use access_url)
 * @param login the login service, or {@code null}
 * @param coneSearch a Simple Cone Search URL, or {@code null}
 * @param sia a SIA 1 query URL, or {@code null}
 * @param sia2 a SIA 2 query URL, or {@code null}
 * @param registry the resource-caps document that resolves this archive's identifiers, or
 *        {@code null} for the catalogue's default (CADC's)
 * @param dataLinkRequest the {@code REQUEST} value sent with DataLink (CADC's
 *        {@code downloads-only}), or "" to send none
 * @param preset {@code true} for a built-in archive, {@code false} for one the user added
 */
public record Archive(String name, String title, Profile profile, ServiceAddress tap, ServiceAddress dataLink,
        ServiceAddress login, URI coneSearch, URI sia, URI sia2, URI registry, String dataLinkRequest,
        boolean preset) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /** @throws IllegalArgumentException naming the value for a bad name or a missing TAP address */
    public Archive {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("An archive name must be lower-case letters, digits, '.', '_' or '-' "
                    + "(at most 64): '" + name + "'");
        }
        title = Objects.requireNonNullElse(title, "");
        Objects.requireNonNull(profile, "profile");
        if (tap == null) {
            throw new IllegalArgumentException("Archive " + name + " has no TAP service");
        }
        dataLinkRequest = Objects.requireNonNullElse(dataLinkRequest, "").strip();
    }

    /**
     * An archive with only a TAP service.
     *
     * @param name its short name
     * @param profile its table model
     * @param tap its TAP service
     * @return the archive, not a preset
     */
    public static Archive of(String name, Profile profile, ServiceAddress tap) {
        return new Archive(name, "", profile, tap, null, null, null, null, null, null, "", false);
    }

    /** @return a copy with another DataLink service */
    public Archive withDataLink(ServiceAddress address) {
        return new Archive(name, title, profile, tap, address, login, coneSearch, sia, sia2, registry,
                dataLinkRequest, preset);
    }
}
