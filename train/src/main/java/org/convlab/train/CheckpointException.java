package org.convlab.train;

import org.convlab.data.DataFileException;

/**
 * A checkpoint or {@code .npz} file that cannot be used: missing, truncated, not a zip of NPY arrays,
 * an array convlab cannot read, or contents that do not fit the model, optimizer or run it is loaded
 * into. The message is {@code "<file>: <problem>"}. Whatever the problem, nothing was loaded.
 */
public final class CheckpointException extends DataFileException {
    private static final long serialVersionUID = 1L;

    /** A problem with {@code file}. */
    public CheckpointException(String file, String problem) {
        super(file, problem);
    }

    /** A problem with {@code file} detected through another exception. */
    public CheckpointException(String file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
