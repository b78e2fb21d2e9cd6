package org.convlab.notebook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.publish.PublishDisplayData;
import io.github.spencerpark.jupyter.messages.publish.PublishError;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteInput;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteResult;
import io.github.spencerpark.jupyter.messages.publish.PublishUpdateDisplayData;
import io.github.spencerpark.jupyter.messages.reply.ErrorReply;
import io.github.spencerpark.jupyter.messages.reply.ExecuteReply;
import io.github.spencerpark.jupyter.messages.reply.KernelInfoReply;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import io.github.spencerpark.jupyter.messages.request.KernelInfoRequest;

import org.convlab.notebook.display.Renderers;

/**
 * The convlab Jupyter kernel: Java cells evaluated by JShell inside the kernel's JVM, IJava-compatible.
 *
 * <p>Cells see convlab's packages, Tablesaw and XChart imported, and the {@link Display} helpers
 * ({@code display}, {@code render}, {@code updateDisplay}); the real object of a cell's last expression is shown
 * through the {@link Renderers} registry. The line magics {@code %jars}, {@code %classpath} and {@code %maven}
 * extend the class path ({@link LineMagics}). An error in a cell is reported with the real exception class as its
 * name and a short traceback in cell lines; an {@link Error} such as {@link StackOverflowError} is reported like
 * any exception and leaves the kernel usable; an interrupt request stops the running cell.
 *
 * <p>Start it as Jupyter does, from a kernelspec ({@link KernelSpec}):
 * {@code java --add-modules jdk.incubator.vector -cp <classpath> org.convlab.notebook.ConvlabKernel <connection-file>}.
 * The system property {@code convlab.kernel.log} sets the level of the protocol library's logging (default
 * {@code WARNING}).
 */
public final class ConvlabKernel extends BaseKernel {
    private static final String VERSION = readVersion();

    private final CompletableFuture<JShellSession> session;
    private final CompletableFuture<LineMagics> magics;
    private final ExecutionHistory history = new ExecutionHistory();
    private final CellStreams streams = new CellStreams();
    private final LanguageInfo languageInfo = new LanguageInfo.Builder("java")
            .version(Runtime.version().toString())
            .mimetype("text/x-java-source")
            .fileExtension(".jshell")
            .pygments("java")
            .codemirror("text/x-java")
            .build();
    private volatile ShellReplyEnvironment runningCell;

    /** A kernel whose JShell starts in the background, so that the kernel answers requests at once. */
    public ConvlabKernel() {
        session = CompletableFuture.supplyAsync(JShellSession::new, runnable -> {
            Thread thread = new Thread(runnable, "convlab-jshell-startup");
            thread.setDaemon(true);
            thread.start();
        });
        magics = session.thenApply(s -> new LineMagics(s, MavenResolver::central));
    }

    /**
     * Runs the kernel on the connection file Jupyter passes, until Jupyter shuts it down (or the process that
     * started it ends).
     *
     * @param args the connection file's path
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java ... " + ConvlabKernel.class.getName() + " <connection-file>");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        Logger.getLogger("").setLevel(Level.parse(System.getProperty("convlab.kernel.log", "WARNING")));
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));

        JupyterConnection connection = new JupyterConnection(
                KernelConnectionProperties.parse(Files.readString(Path.of(args[0]))));
        ConvlabKernel kernel = new ConvlabKernel();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        System.exit(0);
    }

    /**
     * Registers the kernel's handlers: the library's, except that execution reports errors with their real class,
     * kernel_info replies carry {@code "status": "ok"}, and history replies are well-formed.
     */
    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        connection.setHandler(MessageType.EXECUTE_REQUEST, this::handleExecute);
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, this::handleKernelInfo);
        connection.setHandler(MessageType.HISTORY_REQUEST, this::handleHistory);
        Display.attach(new Display.Sink() {
            @Override
            public void display(DisplayData data) {
                ShellReplyEnvironment env = displayTarget();
                if (env != null) {
                    env.publish(new PublishDisplayData(data));
                }
            }

            @Override
            public void update(DisplayData data) {
                ShellReplyEnvironment env = displayTarget();
                if (env != null) {
                    env.publish(new PublishUpdateDisplayData(data));
                }
            }
        });
    }

    /**
     * Evaluates a cell as the next execution count and renders its last expression's value.
     *
     * @param code the cell's source
     * @return the rendered value, or {@code null} if the cell ends with a statement or declaration
     * @throws CellException if the cell fails
     */
    @Override
    public DisplayData eval(String code) throws CellException {
        return evaluate(code, executionCount.getAndIncrement());
    }

    /** Java, at this JVM's version, in JShell's file extension. */
    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    /** The kernel's and Java's versions, the display helpers and the line magics. */
    @Override
    public String getBanner() {
        return "convlab " + VERSION + " - Java " + Runtime.version() + " (JShell)\n"
                + "Helpers: display(obj), render(obj, mimes...), updateDisplay(id, obj). "
                + "Line magics: %jars, %classpath, %maven.";
    }

    /** The inputs and text outputs of this kernel's cells. */
    @Override
    public HistoryManager getHistoryManager() {
        return history;
    }

    /** Completes Java with JShell, and the names of line magics on a line starting with {@code %}. */
    @Override
    public ReplacementOptions complete(String code, int at) {
        if (CellSource.isMagicLine(code, at)) {
            int start = CellSource.lineStart(code, at);
            String typed = code.substring(start, at);
            List<String> names = LineMagics.NAMES.stream().map(n -> "%" + n).filter(n -> n.startsWith(typed)).toList();
            return new ReplacementOptions(names, start, at);
        }
        int[] anchor = new int[1];
        List<String> matches = session.join().complete(CellSource.blankMagics(code), at, anchor);
        return new ReplacementOptions(matches, anchor[0], at);
    }

    /** Signatures and documentation of the method or type at the cursor, or the type and value of a variable. */
    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String text = session.join().inspect(CellSource.blankMagics(code), at, extraDetail);
        return text == null ? null : new DisplayData(text);
    }

    /** {@code "complete"}, {@code "invalid"}, or the indent of the next line if the code needs more lines. */
    @Override
    public String isComplete(String code) {
        return session.join().isComplete(CellSource.blankMagics(code));
    }

    /** Stops the running cell; the kernel stays usable. */
    @Override
    public void interrupt() {
        if (session.isDone() && !session.isCompletedExceptionally()) {
            session.join().interrupt();
        }
    }

    /** Detaches the display helpers and closes JShell and the Maven resolver. */
    @Override
    public void onShutdown(boolean isRestarting) {
        Display.attach(null);
        if (session.isDone() && !session.isCompletedExceptionally()) {
            magics.join().close();
            session.join().close();
        }
    }

    private DisplayData evaluate(String code, int cell) throws CellException {
        JShellSession jshell = session.join();
        jshell.beginCell();
        JShellSession.Value last = null;
        for (CellSource.Part part : CellSource.parse(code)) {
            if (part instanceof CellSource.Magic magic) {
                magics.join().run(magic);
                last = null;
            } else if (part instanceof CellSource.Code run) {
                last = jshell.eval(run.text(), new SnippetOrigin(cell, run.firstLine()));
            }
        }
        if (last == null) {
            return null;
        }
        return Display.toDisplayData(last.object());
    }

    private void handleExecute(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        boolean silent = request.isSilent();
        int count = silent ? executionCount.get() : executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        if (!silent) {
            env.publish(new PublishExecuteInput(request.getCode(), count));
        }
        String output = "";
        try {
            DisplayData result;
            CellStreams.Binding binding = streams.bind(env, request.isStdinEnabled());
            runningCell = env;
            try {
                result = evaluate(request.getCode(), count);
            } finally {
                runningCell = null;
                binding.close();
            }
            if (result != null && !silent) {
                env.publish(new PublishExecuteResult(count, result));
                output = String.valueOf(result.getData(MIMEType.TEXT_PLAIN));
            }
            env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
        } catch (Throwable t) {
            Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
            CellException error = cause instanceof CellException cell ? cell : Tracebacks.fromThrowable(cause);
            output = error.name() + ": " + error.getMessage();
            if (!silent) {
                env.publish(new PublishError(error.name(), error.getMessage(), error.traceback()));
            }
            ErrorReply reply = new ErrorReply(error.name(), error.getMessage(), error.traceback());
            reply.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        } finally {
            if (request.shouldStoreHistory() && !silent) {
                history.record(count, request.getCode(), output);
            }
        }
    }

    private void handleKernelInfo(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new OkKernelInfoReply(getLanguageInfo(), getBanner()));
    }

    private void handleHistory(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new ExecutionHistory.Reply(history.lookup(message.getContent())));
    }

    /** The running cell's reply environment after its buffered output is sent, or {@code null} if none runs. */
    private ShellReplyEnvironment displayTarget() {
        ShellReplyEnvironment env = runningCell;
        if (env != null) {
            streams.flush();
        }
        return env;
    }

    private static String readVersion() {
        Properties properties = new Properties();
        try (InputStream in = ConvlabKernel.class.getResourceAsStream("kernel.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }

    /** The library's kernel_info reply lacks {@code "status": "ok"}, which clients check; this one has it. */
    private static final class OkKernelInfoReply extends KernelInfoReply {
        @SuppressWarnings("unused")
        private final String status = "ok";

        OkKernelInfoReply(LanguageInfo languageInfo, String banner) {
            super(Header.PROTOCOL_VERISON, "convlab", VERSION, languageInfo, banner, null);
        }
    }
}
