package org.convlab.cli;

/** A command line that cannot be run: an unknown option, a missing or malformed value. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A usage error.
     *
     * @param message what is wrong, in one line, naming the option
     */
    public UsageException(String message) {
        super(message);
    }
}
