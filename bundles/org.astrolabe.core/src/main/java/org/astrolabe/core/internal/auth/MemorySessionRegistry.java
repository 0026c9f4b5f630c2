package org.astrolabe.core.internal.auth;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.astrolabe.core.auth.AuthSession;
import org.astrolabe.core.auth.Origin;
import org.astrolabe.core.auth.SessionRegistry;
import org.osgi.service.component.annotations.Component;

/**
 * {@link SessionRegistry} in memory: sessions live as long as the framework (or until logout).
 * Persistence of credentials is the auth bundle's business (secure storage), never this one's.
 */
@Component(service = SessionRegistry.class)
public final class MemorySessionRegistry implements SessionRegistry {

    private final Map<Origin, AuthSession> byOrigin = new HashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void register(AuthSession session) {
        Objects.requireNonNull(session, "session");
        Set<AuthSession> displaced = new LinkedHashSet<>();
        synchronized (byOrigin) {
            for (Origin o : session.origins()) {
                AuthSession old = byOrigin.put(o, session);
                if (old != null && old != session) {
                    displaced.add(old);
                }
            }
            displaced.removeIf(byOrigin::containsValue);
        }
        displaced.forEach(this::fire);
    }

    @Override
    public Optional<AuthSession> sessionFor(URI uri) {
        Origin origin;
        try {
            origin = Origin.of(uri);
        } catch (IllegalArgumentException notHttp) {
            return Optional.empty();
        }
        synchronized (byOrigin) {
            return Optional.ofNullable(byOrigin.get(origin));
        }
    }

    @Override
    public boolean remove(AuthSession session) {
        boolean removed;
        synchronized (byOrigin) {
            removed = byOrigin.values().removeIf(s -> s == session);
        }
        if (removed) {
            fire(session);
        }
        return removed;
    }

    @Override
    public List<AuthSession> sessions() {
        synchronized (byOrigin) {
            List<AuthSession> out = new ArrayList<>();
            for (AuthSession s : byOrigin.values()) {
                if (out.stream().noneMatch(x -> x == s)) {
                    out.add(s);
                }
            }
            return out;
        }
    }

    @Override
    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    @Override
    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private void fire(AuthSession removed) {
        for (Listener l : listeners) {
            l.sessionRemoved(removed);
        }
    }
}
