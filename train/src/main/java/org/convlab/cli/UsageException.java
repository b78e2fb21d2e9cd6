package org.convlab.cli;

/** A command line that cannot be run: an unknown option, a missing or malformed value. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
