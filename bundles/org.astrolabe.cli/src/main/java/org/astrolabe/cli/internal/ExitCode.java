package org.astrolabe.cli.internal;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.AuthenticationException;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.TransientException;

/** The exit codes of the {@code astrolabe} command (DESIGN.md; scripts depend on them). */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** The service reported a failure. */
    public static final int FAILURE = 1;
    /** Usage error or bad input. */
    public static final int USAGE = 2;
    /** Authentication required or refused. */
    public static final int AUTH = 3;
    /** Not found. */
    public static final int NOT_FOUND = 4;
    /** Network or transient failure. */
    public static final int TRANSIENT = 5;

    private ExitCode() {
    }

    /**
     * @param failure what went wrong
     * @return the exit code DESIGN.md assigns to it
     */
    public static int of(AstrolabeException failure) {
        if (failure instanceof AuthenticationException) {
            return AUTH;
        }
        if (failure instanceof NotFoundException) {
            return NOT_FOUND;
        }
        if (failure instanceof TransientException) {
            return TRANSIENT;
        }
        if (failure instanceof InvalidInputException) {
            return USAGE;
        }
        return FAILURE;
    }
}
