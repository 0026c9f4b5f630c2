package org.astrolabe.ui;

import java.net.URI;
import java.util.Objects;

/**
 * What the Services view puts in the workbench selection for a selected archive, so that other
 * parts (the TAP Query view, the Schema browser) can follow it through the selection service
 * ({@code ISelectionService.addPostSelectionListener(ServicesViews.SERVICES_VIEW_ID, ...)}).
 *
 * @param name the archive's short name (as {@code --service} takes it)
 * @param tap its TAP base URL, or {@code null} while an ivo:// identifier is not resolved
 */
public record SelectedService(String name, URI tap) {

    /** @throws NullPointerException if the name is null */
    public SelectedService {
        Objects.requireNonNull(name, "name");
    }
}
