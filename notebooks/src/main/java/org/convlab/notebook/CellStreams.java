package org.convlab.notebook;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import io.github.spencerpark.jupyter.channels.JupyterInputStream;
import io.github.spencerpark.jupyter.channels.JupyterOutputStream;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;

/**
 * {@code System.out}, {@code System.err} and {@code System.in} of a running cell, connected to the notebook: output
 * becomes stream messages of the cell, input is asked from the user when the front end allows it. Output from other
 * threads after the cell ends goes to the kernel's own streams.
 */
final class CellStreams {
    private final JupyterOutputStream out = new JupyterOutputStream(ShellReplyEnvironment::writeToStdOut);
    private final JupyterOutputStream err = new JupyterOutputStream(ShellReplyEnvironment::writeToStdErr);
    private final JupyterInputStream in = new JupyterInputStream(StandardCharsets.UTF_8);
    private final PrintStream outPrinter = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errPrinter = new PrintStream(err, true, StandardCharsets.UTF_8);

    /** The redirection for one cell; closing it sends what is buffered and restores the kernel's streams. */
    final class Binding implements AutoCloseable {
        private final ShellReplyEnvironment env;
        private final PrintStream previousOut = System.out;
        private final PrintStream previousErr = System.err;
        private final InputStream previousIn = System.in;

        private Binding(ShellReplyEnvironment env, boolean stdinAllowed) {
            this.env = env;
            out.setEnv(env);
            err.setEnv(env);
            in.setEnv(env);
            in.setEnabled(stdinAllowed);
            System.setOut(outPrinter);
            System.setErr(errPrinter);
            System.setIn(in);
        }

        @Override
        public void close() {
            flush();
            System.setOut(previousOut);
            System.setErr(previousErr);
            System.setIn(previousIn);
            out.retractEnv(env);
            err.retractEnv(env);
            in.retractEnv(env);
        }
    }

    /** Redirects the standard streams to the cell that {@code env} answers. */
    Binding bind(ShellReplyEnvironment env, boolean stdinAllowed) {
        return new Binding(env, stdinAllowed);
    }

    /** Sends buffered output, e.g. before a display so that both appear in the order they were made. */
    void flush() {
        outPrinter.flush();
        errPrinter.flush();
    }
}
