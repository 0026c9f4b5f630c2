package org.astrolabe.auth.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.spec.PBEKeySpec;

import org.astrolabe.auth.CredentialStore;
import org.astrolabe.auth.RememberedLogin;
import org.astrolabe.auth.ServiceUrls;
import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.ServiceFailureException;
import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@link CredentialStore} on Equinox secure storage. Astrolabe keeps its own storage file in the
 * workspace's metadata (inside the Astrolabe home: {@code ~/.astrolabe/workspace} or
 * {@code $ASTROLABE_HOME/workspace}), opened with {@link IProviderHints#DEFAULT_PASSWORD} and
 * {@link IProviderHints#PROMPT_USER} {@code false}, so that the headless command needs no UI
 * password provider. The master password is {@code $ASTROLABE_MASTER_PASSWORD} when set, otherwise
 * a random 256-bit secret made on first use in a file readable by its owner only. Every value is
 * stored encrypted; node names are the encoded normalised service URLs.
 */
@Component(service = CredentialStore.class)
public final class SecureStorageCredentialStore implements CredentialStore {

    private static final String ROOT = "org.astrolabe.auth";
    private final Path directory;
    private final char[] masterPassword;
    private ISecurePreferences storage;

    /**
     * @param context the auth bundle's context: the storage lives in the instance area (the
     *        workspace the command line and the workbench share, {@code $ASTROLABE_HOME/workspace}),
     *        {@code .metadata/.plugins/org.astrolabe.auth/}, or in the bundle's data area without one
     */
    @Activate
    public SecureStorageCredentialStore(BundleContext context) {
        this(location(context), masterFromEnvironment());
    }

    private static Path location(BundleContext context) {
        String instance = context.getProperty("osgi.instance.area");
        if (instance != null && instance.startsWith("file:")) {
            try {
                return Path.of(new java.net.URL(instance).toURI()).resolve(".metadata/.plugins/org.astrolabe.auth");
            } catch (java.net.MalformedURLException | java.net.URISyntaxException | IllegalArgumentException e) {
                // a URL with unescaped characters: Equinox writes file URLs without escaping
                return Path.of(instance.substring("file:".length())).resolve(".metadata/.plugins/org.astrolabe.auth");
            }
        }
        return context.getDataFile("secure").toPath();
    }

    /**
     * @param directory where the storage (and the generated master password) live
     * @param masterPassword the master password, or {@code null} to use or make one in {@code directory}
     */
    public SecureStorageCredentialStore(Path directory, char[] masterPassword) {
        this.directory = directory;
        this.masterPassword = masterPassword == null ? null : masterPassword.clone();
    }

    private static char[] masterFromEnvironment() {
        String env = System.getenv("ASTROLABE_MASTER_PASSWORD");
        return env == null || env.isEmpty() ? null : env.toCharArray();
    }

    /** @return the storage file, for tests */
    public Path storageFile() {
        return directory.resolve("secure_storage");
    }

    private synchronized ISecurePreferences root() throws AstrolabeException {
        if (storage != null) {
            return storage;
        }
        try {
            Files.createDirectories(directory);
            Map<String, Object> options = new HashMap<>();
            options.put(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec(master()));
            options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
            storage = SecurePreferencesFactory.open(storageFile().toUri().toURL(), options);
            if (storage == null) {
                throw new ServiceFailureException("Secure storage could not be opened at " + storageFile(), null, null);
            }
            return storage;
        } catch (IOException e) {
            throw new ServiceFailureException("Secure storage could not be opened at " + storageFile() + ": "
                    + e.getMessage(), null, e);
        }
    }

    private char[] master() throws IOException {
        if (masterPassword != null) {
            return masterPassword.clone();
        }
        Path file = directory.resolve("master");
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            Path tmp = Files.createTempFile(directory, ".master", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, Base64.getEncoder().encodeToString(random), StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                Files.deleteIfExists(tmp);
            }
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
    }

    /** Equinox writes the file world-readable; its values are encrypted, its keys name services. */
    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: the values are encrypted all the same
        }
    }

    private static String key(URI service) {
        return EncodingUtils.encodeSlashes(ServiceUrls.normalise(service).toString());
    }

    @Override
    public synchronized void save(URI service, RememberedLogin login) throws AstrolabeException {
        ISecurePreferences node = root().node(ROOT).node(key(service));
        try {
            node.clear();
            node.put("kind", login.kind().name(), true);
            node.put("user", login.user(), true);
            node.put("secret", new String(login.secret()), true);
            node.put("certificate", login.certificate().map(Path::toString).orElse(""), true);
            node.flush();
            ownerOnly(storageFile());
        } catch (StorageException | IOException e) {
            throw new ServiceFailureException("Cannot write secure storage for " + ServiceUrls.normalise(service)
                    + ": " + e.getMessage(), service, null);
        }
    }

    @Override
    public synchronized Optional<RememberedLogin> load(URI service) throws AstrolabeException {
        if (storage == null && !Files.exists(storageFile())) {
            return Optional.empty(); // nothing remembered yet: no need to open (and create) the storage
        }
        ISecurePreferences root = root().node(ROOT);
        String key = key(service);
        if (!root.nodeExists(key)) {
            return Optional.empty();
        }
        ISecurePreferences node = root.node(key);
        try {
            String kind = node.get("kind", null);
            if (kind == null) {
                return Optional.empty();
            }
            String cert = node.get("certificate", "");
            return Optional.of(new RememberedLogin(RememberedLogin.Kind.valueOf(kind), node.get("user", ""),
                    node.get("secret", "").toCharArray(), cert.isEmpty() ? Optional.empty() : Optional.of(Path.of(cert))));
        } catch (StorageException e) {
            throw new ServiceFailureException("Cannot read secure storage for " + ServiceUrls.normalise(service)
                    + " (wrong master password?): " + e.getMessage(), service, null);
        }
    }

    @Override
    public synchronized boolean remove(URI service) throws AstrolabeException {
        ISecurePreferences root = root().node(ROOT);
        String key = key(service);
        if (!root.nodeExists(key)) {
            return false;
        }
        root.node(key).removeNode();
        try {
            root.flush();
        } catch (IOException e) {
            throw new ServiceFailureException("Cannot write secure storage: " + e.getMessage(), service, null);
        }
        return true;
    }
}
