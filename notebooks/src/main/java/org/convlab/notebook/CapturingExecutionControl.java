package org.convlab.notebook;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's in-process execution engine, extended to keep what JShell only reports as text: the real object a
 * snippet evaluated to (so that the notebook can render it), whether the snippet was stopped, and whether its
 * classes failed to load — JShell reports both of those as a valid snippet without a value.
 *
 * <p>{@link LocalExecutionControl} runs each snippet's {@code do_it$} method on a fresh thread, so that
 * {@link #stop()} can end it. This class hands it {@link #runCurrent()} instead, which runs the snippet's method
 * on that thread and records its result in the {@link Invocation} the thread inherited.
 */
final class CapturingExecutionControl extends LocalExecutionControl {
    /** The snippet invocation of the current thread, inherited by the snippet thread LocalExecutionControl starts. */
    private static final InheritableThreadLocal<Invocation> CURRENT = new InheritableThreadLocal<>();
    private static final Method RUN_CURRENT;

    static {
        try {
            RUN_CURRENT = CapturingExecutionControl.class.getDeclaredMethod("runCurrent");
            RUN_CURRENT.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One run of a snippet method and its outcome. */
    static final class Invocation {
        private final Method method;
        private volatile Object value;
        private volatile boolean returned;
        private volatile boolean stopped;

        private Invocation(Method method) {
            this.method = method;
        }

        /** The object the snippet evaluated to (boxed for primitives); meaningful when {@link #returned()}. */
        Object value() {
            return value;
        }

        /** Whether the snippet method returned normally. */
        boolean returned() {
            return returned;
        }

        /** Whether the snippet was stopped by {@link CapturingExecutionControl#stop()}. */
        boolean stopped() {
            return stopped;
        }
    }

    private volatile Invocation last;
    private volatile Exception loadFailure;
    private volatile boolean stopRequested;

    /** Forgets the outcome of the previous snippet; call before each evaluation. */
    void reset() {
        last = null;
        loadFailure = null;
    }

    /** The last snippet method run since {@link #reset()}, or {@code null} if none ran. */
    Invocation lastInvocation() {
        return last;
    }

    /**
     * Asks that snippets stop: the running one through {@link #stop()}, and any that starts until
     * {@link #clearStopRequest()} is stopped at once, so that an interrupt arriving while a snippet compiles
     * still takes effect.
     */
    void requestStop() {
        stopRequested = true;
    }

    /** Lets snippets run again after {@link #requestStop()}. */
    void clearStopRequest() {
        stopRequested = false;
    }

    /** Whether a stop was requested since the last {@link #clearStopRequest()}. */
    boolean stopRequested() {
        return stopRequested;
    }

    /** Why the classes of the last snippet failed to load, or {@code null}. */
    Exception loadFailure() {
        return loadFailure;
    }

    @Override
    public void load(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        try {
            super.load(classes);
        } catch (ClassInstallException | NotImplementedException | EngineTerminationException e) {
            loadFailure = e;
            throw e;
        }
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Invocation invocation = new Invocation(doitMethod);
        last = invocation;
        if (stopRequested) {
            invocation.stopped = true;
            throw new StoppedException();
        }
        CURRENT.set(invocation);
        try {
            return super.invoke(RUN_CURRENT);
        } catch (StoppedException e) {
            invocation.stopped = true;
            throw e;
        } finally {
            CURRENT.remove();
        }
    }

    /**
     * Runs the current snippet method on the snippet thread, with the snippet's class loader as context class
     * loader (so that libraries added with {@code %maven} are found by service loaders), and records its value.
     * Returns {@code null}: the value is not turned into text, which for some objects is slow or fails.
     */
    @SuppressWarnings("unused")
    private static Object runCurrent() throws Throwable {
        Invocation invocation = CURRENT.get();
        Thread.currentThread().setContextClassLoader(invocation.method.getDeclaringClass().getClassLoader());
        try {
            invocation.value = invocation.method.invoke(null);
            invocation.returned = true;
            return null;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Makes JShell use one given {@link CapturingExecutionControl}. */
    static final class Provider implements ExecutionControlProvider {
        private final CapturingExecutionControl control;

        Provider(CapturingExecutionControl control) {
            this.control = control;
        }

        @Override
        public String name() {
            return "convlab-local";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }
    }
}
