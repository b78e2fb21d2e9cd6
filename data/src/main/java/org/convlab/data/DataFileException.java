package org.convlab.data;

import java.io.IOException;

/**
 * A data file or folder that cannot be used: missing, truncated, corrupt, or with contents that
 * disagree with its format. The message is {@code "<file>: <problem>"}, e.g.
 * {@code "/data/train-images-idx3-ubyte.gz: bad magic 0x00000801, expected 0x00000803 (images)"}.
 * Subclasses name the kind of file, such as a checkpoint.
 */
public class DataFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String problem;

    /** A problem with {@code file} (a path, or a classpath resource name). */
    public DataFileException(String file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    /** A problem with {@code file} that was detected through another exception. */
    public DataFileException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file (or folder, or classpath resource) at fault. */
    public String file() {
        return file;
    }

    /** What is wrong with it, without the file name. */
    public String problem() {
        return problem;
    }
}
