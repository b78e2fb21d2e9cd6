package org.convlab.train;

import java.io.IOException;

/**
 * A checkpoint or {@code .npz} file that cannot be used: missing, truncated, not a zip of NPY arrays,
 * an array convlab cannot read, or contents that do not fit the model, optimizer or run it is loaded
 * into. The message is {@code "<file>: <problem>"}. Whatever the problem, nothing was loaded.
 */
public final class CheckpointException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String problem;

    /** A problem with {@code file}. */
    public CheckpointException(String file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    /** A problem with {@code file} detected through another exception. */
    public CheckpointException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file at fault. */
    public String file() {
        return file;
    }

    /** What is wrong with it, without the file name. */
    public String problem() {
        return problem;
    }
}
