package org.astrolabe.datalink.internal.download;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File names for downloads: from {@code Content-Disposition} or the URL, made safe (no directory
 * part, no traversal, no control or shell-hostile characters), and unique within one download
 * call. Thread-safe: one instance is shared by the transfers of a call.
 */
final class FileNames {

    private static final Pattern EXT_VALUE = Pattern.compile("(?i)filename\\*\\s*=\\s*([^']*)'[^']*'([^;]+)");
    private static final Pattern QUOTED = Pattern.compile("(?i)filename\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TOKEN = Pattern.compile("(?i)filename\\s*=\\s*([^;\\s]+)");
    private static final int MAX_LENGTH = 200;

    private final Path directory;
    private final Set<Path> reserved = new HashSet<>();

    FileNames(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /**
     * @param contentDisposition the header's value, or {@code null}
     * @param url the URL downloaded (after redirects)
     * @return a safe, non-empty file name without any directory part
     */
    static String choose(String contentDisposition, URI url) {
        String fromHeader = sanitise(fromContentDisposition(contentDisposition));
        if (!fromHeader.isEmpty()) {
            return fromHeader;
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        String fromUrl = sanitise(URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8));
        return fromUrl.isEmpty() ? "download" : fromUrl;
    }

    static String fromContentDisposition(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = EXT_VALUE.matcher(header);
        if (m.find()) {
            var charset = m.group(1).isBlank() ? StandardCharsets.UTF_8 : charset(m.group(1));
            return URLDecoder.decode(m.group(2).trim().replace("+", "%2B"), charset);
        }
        m = QUOTED.matcher(header);
        if (m.find()) {
            return m.group(1).replaceAll("\\\\(.)", "$1");
        }
        m = TOKEN.matcher(header);
        return m.find() ? m.group(1) : null;
    }

    private static java.nio.charset.Charset charset(String name) {
        try {
            return java.nio.charset.Charset.forName(name.trim());
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /**
     * Keeps the last path component only (either separator), replaces anything but letters,
     * digits, {@code . _ - +} by {@code _}, strips leading dots (no hidden files, no {@code ..})
     * and caps the length.
     *
     * @return the safe name, or "" when nothing usable is left
     */
    static String sanitise(String name) {
        if (name == null) {
            return "";
        }
        String n = name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        StringBuilder safe = new StringBuilder();
        n.codePoints().forEach(c -> safe.append(Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-'
                || c == '+' ? Character.toString(c) : "_"));
        String s = safe.toString().replaceFirst("^[.]+", "").strip();
        if (s.length() > MAX_LENGTH) {
            int dot = s.lastIndexOf('.');
            String ext = dot > 0 && s.length() - dot <= 16 ? s.substring(dot) : "";
            s = s.substring(0, MAX_LENGTH - ext.length()) + ext;
        }
        return s;
    }

    /**
     * Reserves a target path for {@code name}: a name already taken by another transfer of this call
     * gets a {@code -1}, {@code -2}... suffix before its extension.
     *
     * @return the reserved path, inside the directory
     */
    synchronized Path reserve(String name) {
        Path candidate = resolve(name);
        for (int i = 1; reserved.contains(candidate); i++) {
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            String ext = dot > 0 ? name.substring(dot) : "";
            candidate = resolve(stem + "-" + i + ext);
        }
        reserved.add(candidate);
        return candidate;
    }

    /** @return whether a file is in the way at {@code target} */
    static boolean exists(Path target) {
        return Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    private Path resolve(String name) {
        Path p = directory.resolve(name).normalize();
        if (!directory.equals(p.getParent())) {
            // sanitise() makes this impossible; kept as the last line of defence against traversal.
            throw new IllegalStateException("File name leaves the download directory: " + name);
        }
        return p;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
